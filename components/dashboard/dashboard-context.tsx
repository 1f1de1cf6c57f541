"use client";
// What every dashboard card needs: the workspace, the current filters, a way to change them (through
// the URL, so a view can be shared) and locale-aware formatting of emotions, shares and dates.
import { createContext, useCallback, useContext, useMemo, useTransition } from "react";
import { usePathname, useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import type { Insight } from "@/lib/dashboard/insights";

/** The filters as plain data (dates as YYYY-MM-DD) — what the URL holds. */
export type FilterState = {
  personas: string[];
  department: string | null;
  stage: string | null;
  state: "current" | "future" | null;
  maps: string[];
  since: string | null;
};

export function filterStateToQuery(state: FilterState): string {
  const params = new URLSearchParams();
  for (const id of state.personas) params.append("persona", id);
  if (state.department) params.set("department", state.department);
  if (state.stage) params.set("stage", state.stage);
  if (state.state) params.set("state", state.state);
  for (const id of state.maps) params.append("map", id);
  if (state.since) params.set("since", state.since);
  return params.toString();
}

type DashboardContextValue = {
  slug: string;
  filters: FilterState;
  /** Replaces some filters and navigates (the server recomputes every panel). */
  setFilters: (patch: Partial<FilterState>) => void;
  touchpointHref: (mapId: string, touchpointId: string) => string;
  mapHref: (mapId: string) => string;
};

const DashboardContext = createContext<DashboardContextValue | null>(null);
/**
 * Whether a filter change is on its way, apart from the rest: flipping it must re-render only the
 * filter bar and the grid's busy state, not every chart (that made a filter change wait ~0.5 s for
 * its next paint with 200 maps).
 */
const DashboardPendingContext = createContext(false);

export const NO_FILTER_STATE: FilterState = { personas: [], department: null, stage: null, state: null, maps: [], since: null };

/** `basePath`: where filter changes navigate (the dashboard itself by default; home links into it). */
export function DashboardProvider({ slug, filters, basePath, children }: { slug: string; filters: FilterState; basePath?: string; children: React.ReactNode }) {
  const router = useRouter();
  const currentPath = usePathname();
  const pathname = basePath ?? currentPath;
  const [isPending, startTransition] = useTransition();
  const setFilters = useCallback(
    (patch: Partial<FilterState>) => {
      const query = filterStateToQuery({ ...filters, ...patch });
      startTransition(() => router.push(query ? `${pathname}?${query}` : pathname, { scroll: false }));
    },
    [filters, pathname, router],
  );
  const value = useMemo(
    () => ({
      slug,
      filters,
      setFilters,
      touchpointHref: (mapId: string, touchpointId: string) => `/w/${slug}/maps/${mapId}?touchpoint=${encodeURIComponent(touchpointId)}`,
      mapHref: (mapId: string) => `/w/${slug}/maps/${mapId}`,
    }),
    [slug, filters, setFilters],
  );
  return (
    <DashboardContext.Provider value={value}>
      <DashboardPendingContext.Provider value={isPending}>{children}</DashboardPendingContext.Provider>
    </DashboardContext.Provider>
  );
}

/** True while a filter change navigates (the new figures are being computed). */
export function useDashboardPending(): boolean {
  return useContext(DashboardPendingContext);
}

export function useDashboard(): DashboardContextValue {
  const value = useContext(DashboardContext);
  if (!value) throw new Error("useDashboard outside DashboardProvider");
  return value;
}

/** Locale-aware formatting used by every card, its table and its CSV. */
export function useDashboardFormat() {
  const format = useFormatter();
  const t = useTranslations("dashboard");
  return useMemo(() => {
    const emotion = (value: number | null | undefined) =>
      value === null || value === undefined ? t("labels.unrated") : format.number(value, { maximumFractionDigits: 2, signDisplay: "exceptZero" });
    const number = (value: number | null | undefined, digits = 2) => (value === null || value === undefined ? "–" : format.number(value, { maximumFractionDigits: digits }));
    const percent = (share: number) => format.number(share, { style: "percent", maximumFractionDigits: 0 });
    const date = (value: Date | string | null | undefined) => (value ? format.dateTime(new Date(value), { dateStyle: "medium" }) : t("labels.never"));
    const relative = (value: Date | string) => format.relativeTime(new Date(value), new Date());
    const department = (name: string | null | undefined) => (name ? name : t("labels.unassigned"));
    const person = (name: string | null | undefined, email?: string | null) => name || email || t("labels.unknownPerson");
    const state = (value: "current" | "future") => t(`labels.${value}`);
    const yesNo = (value: boolean) => (value ? t("labels.yes") : t("labels.no"));
    /** An insight as a sentence: numbers in the locale, emotions signed, shares as percent. */
    const insight = ({ key, values }: Insight) => {
      const formatted: Record<string, string> = {};
      for (const [k, v] of Object.entries(values)) {
        if (k === "department" || k === "from" || k === "to") formatted[k] = department(String(v));
        else if (k === "kind") formatted[k] = t(`labels.gapKinds.${v as "channel"}`);
        else if (k === "share" && typeof v === "number") formatted[k] = percent(v);
        else if ((k === "avg" || k === "emotion") && typeof v === "number") formatted[k] = emotion(v);
        else if (typeof v === "number") formatted[k] = format.number(v, { maximumFractionDigits: 2 });
        else formatted[k] = v;
      }
      return t(`insights.${key}` as "insights.emotionByStage.empty", formatted);
    };
    return { emotion, number, percent, date, relative, department, person, state, yesNo, insight };
  }, [format, t]);
}

/** ISO day (YYYY-MM-DD) for CSV files: unambiguous in every locale. */
export const isoDay = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString().slice(0, 10) : null);
