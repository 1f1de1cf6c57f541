// The dashboard's filters, shared by the page (URL search params), the REST API (query params) and
// the query functions. One schema so a shared link and an API call mean exactly the same view.
import { z } from "zod";

const MAX_IDS = 50;

const ZList = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]), z.array(item).max(MAX_IDS));

/** An empty string (an unset select in a form) means "no filter". */
const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

export const ZDashboardFilters = z.object({
  /** Maps linked to any of these personas. */
  personas: ZList(z.uuid()).default([]),
  /** Touchpoints owned by this department (maps: owned by it or with a touchpoint of it). */
  department: z.preprocess(emptyToUndefined, z.string().trim().min(1).max(120).optional()),
  /** Touchpoints in a stage of this name (maps: that have such a stage). */
  stage: z.preprocess(emptyToUndefined, z.string().trim().min(1).max(120).optional()),
  /** Current-state or future-state maps only. */
  state: z.preprocess(emptyToUndefined, z.enum(["current", "future"]).optional()),
  /** Only these maps. */
  maps: ZList(z.uuid()).default([]),
  /** Maps changed on or after this day (YYYY-MM-DD, or a full ISO timestamp). */
  since: z.preprocess(
    emptyToUndefined,
    z
      .union([z.iso.date(), z.iso.datetime({ offset: true })])
      .transform((value) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value))
      .optional(),
  ),
});

export type TDashboardFilters = z.infer<typeof ZDashboardFilters>;
export type TDashboardFiltersInput = z.input<typeof ZDashboardFilters>;

/** No filter at all. */
export const NO_FILTERS: TDashboardFilters = ZDashboardFilters.parse({});

/** Query-parameter names (CONTRACT §5): singular, repeated for several values. */
export const FILTER_PARAMS = {
  personas: "persona",
  department: "department",
  stage: "stage",
  state: "state",
  maps: "map",
  since: "since",
} as const;

/** Reads URLSearchParams (or Next's searchParams object) into the raw input of ZDashboardFilters. */
export function filtersInputFromSearchParams(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, unknown> {
  const getAll = (name: string): string[] => {
    if (params instanceof URLSearchParams) return params.getAll(name);
    const value = params[name];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  };
  const one = (name: string) => {
    const all = getAll(name);
    // A repeated single-valued parameter is ambiguous; keep them all so validation rejects it.
    return all.length === 0 ? undefined : all.length === 1 ? all[0] : all;
  };
  return {
    personas: getAll(FILTER_PARAMS.personas),
    department: one(FILTER_PARAMS.department),
    stage: one(FILTER_PARAMS.stage),
    state: one(FILTER_PARAMS.state),
    maps: getAll(FILTER_PARAMS.maps),
    since: one(FILTER_PARAMS.since),
  };
}

/** Parses search params; `null` when they are invalid (the page then falls back to no filters). */
export function parseFiltersFromSearchParams(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): { success: true; data: TDashboardFilters } | { success: false; error: z.ZodError } {
  return ZDashboardFilters.safeParse(filtersInputFromSearchParams(params));
}

/** Filters back to a query string (stable order), e.g. for links and the API. */
export function filtersToSearchParams(filters: Partial<TDashboardFilters>): URLSearchParams {
  const params = new URLSearchParams();
  for (const id of filters.personas ?? []) params.append(FILTER_PARAMS.personas, id);
  if (filters.department) params.set(FILTER_PARAMS.department, filters.department);
  if (filters.stage) params.set(FILTER_PARAMS.stage, filters.stage);
  if (filters.state) params.set(FILTER_PARAMS.state, filters.state);
  for (const id of filters.maps ?? []) params.append(FILTER_PARAMS.maps, id);
  if (filters.since) params.set(FILTER_PARAMS.since, filters.since.toISOString().slice(0, 10));
  return params;
}

/** Whether any filter is set. */
export function hasFilters(filters: TDashboardFilters): boolean {
  return Boolean(filters.personas.length || filters.department || filters.stage || filters.state || filters.maps.length || filters.since);
}
