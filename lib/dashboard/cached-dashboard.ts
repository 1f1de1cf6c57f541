// The dashboard for the page and the REST API, computed once per workspace, filters and data
// version, and shared by every viewer who asks before the data changes. Viewers outnumber editors
// and most requests repeat the same few views, while computing all panels scans every touchpoint.
// The page's filter options (personas, departments, stages, maps) are cached the same way.
//
// The data version is a digest of what the panels and the filter options read that can change (each
// map's row — the projection stamps `updated_at` on every rewrite, deletes set `deleted_at`, reviews
// `reviewed_at` — each persona's row and the workspace's departments), read in one small query per
// request, so a change made by any process (several app instances, a separate sync service) is seen
// by the next request. Names of people (activity, owners) are not part of it: a cached view lives at
// most MAX_AGE_MS, which also bounds how stale "days since last change" can get.
import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/client";
import { getDashboardFilterOptions, type DashboardFilterOptions } from "./filter-options";
import type { TDashboardFilters } from "./filters";
import { getDashboard, type Dashboard, type DashboardPanel } from "./get-dashboard";

const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 200;

/** A cached value; the dashboard's JSON text is serialised once per view (the REST API sends it to every reader). */
type Entry = { version: string; at: number; value: Promise<unknown>; json?: Promise<string> };

/** Where a request's time went (ms), for the Server-Timing header and the benchmark's breakdown. */
export type DashboardTiming = {
  /** The data-version query. */
  version?: number;
  /** True when the view came from the cache. */
  hit?: boolean;
  /** Computing every panel (cache miss only). */
  compute?: number;
  /** Each panel's wall time (cache miss only). */
  panels?: Partial<Record<DashboardPanel, number>>;
  /** JSON serialisation (first reader of a view only). */
  serialise?: number;
};

const KEY = Symbol.for("journeyboard.dashboardCache");
const g = globalThis as unknown as { [KEY]?: Map<string, Entry> };
// On globalThis: Next loads this module once per bundle (route handler, page); one cache serves both.
const entries = (g[KEY] ??= new Map<string, Entry>());

/** What the panels and the filter options read that can change, as one short digest. */
export async function dashboardDataVersion(db: DbOrTx, workspaceId: string): Promise<string> {
  const [row] = await queryRows<{ maps: string | null; personas: string | null; departments: string | null }>(
    db,
    sql`select
      (select md5(string_agg(id::text || ':' || updated_at::text || ':' || coalesce(deleted_at::text, '') || ':' || coalesce(reviewed_at::text, '')
        || ':' || coalesce(owner_id, '') || ':' || coalesce(owner_department, '') || ':' || coalesce(updated_by, ''), ',' order by id))
        from journey_maps where workspace_id = ${workspaceId}) as maps,
      (select md5(string_agg(id::text || ':' || updated_at::text || ':' || coalesce(deleted_at::text, ''), ',' order by id))
        from personas where workspace_id = ${workspaceId}) as personas,
      (select md5(string_agg(id::text || ':' || name || ':' || position::text, ',' order by id))
        from departments where workspace_id = ${workspaceId}) as departments`,
  );
  return `${row?.maps ?? "-"}/${row?.personas ?? "-"}/${row?.departments ?? "-"}`;
}

function filtersKey(filters: TDashboardFilters): string {
  return JSON.stringify([
    [...filters.personas].sort(), filters.department ?? null, filters.stage ?? null, filters.state ?? null,
    [...filters.maps].sort(), filters.since?.toISOString() ?? null,
  ]);
}

/** The entry for `key` at `version`: the cached one while fresh, else a new computation (shared by concurrent callers). */
async function cached(key: string, version: string, compute: () => Promise<unknown>, timing?: DashboardTiming): Promise<Entry> {
  const hit = entries.get(key);
  if (hit && hit.version === version && Date.now() - hit.at < MAX_AGE_MS) {
    // Most recently used last: the first key is the one to evict.
    entries.delete(key);
    entries.set(key, hit);
    if (timing) timing.hit = true;
    return hit;
  }
  const t0 = performance.now();
  const value = compute();
  if (timing) {
    timing.hit = false;
    void value.then(() => (timing.compute = performance.now() - t0), () => {});
  }
  const entry: Entry = { version, at: Date.now(), value };
  entries.delete(key);
  entries.set(key, entry);
  value.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  await value.catch(() => {});
  return entry;
}

async function dashboardEntry(db: DbOrTx, workspaceId: string, filters: TDashboardFilters, timing?: DashboardTiming, knownVersion?: string): Promise<Entry> {
  const t0 = performance.now();
  const version = knownVersion ?? (await dashboardDataVersion(db, workspaceId));
  if (timing && knownVersion === undefined) timing.version = performance.now() - t0;
  const panels: DashboardTiming["panels"] = {};
  if (timing) timing.panels = panels;
  const entry = await cached(`${workspaceId}|${filtersKey(filters)}`, version, () => getDashboard(db, workspaceId, filters, { timings: panels }), timing);
  if (timing?.hit) delete timing.panels;
  return entry;
}

/** Every panel's data, from the cache when nothing the panels read has changed (the caller has checked access). */
export async function getDashboardCached(db: DbOrTx, workspaceId: string, filters: TDashboardFilters, timing?: DashboardTiming): Promise<Dashboard> {
  return (await dashboardEntry(db, workspaceId, filters, timing)).value as Promise<Dashboard>;
}

/**
 * The same view as JSON text (`JSON.stringify` of the dashboard), serialised once per cached view:
 * a 100 KiB body stringified for every reader was a measurable share of each request.
 */
export async function getDashboardJsonCached(db: DbOrTx, workspaceId: string, filters: TDashboardFilters, timing?: DashboardTiming): Promise<string> {
  const entry = await dashboardEntry(db, workspaceId, filters, timing);
  entry.json ??= entry.value.then((dashboard) => {
    const t0 = performance.now();
    const json = JSON.stringify(dashboard);
    if (timing) timing.serialise = performance.now() - t0;
    return json;
  });
  return entry.json;
}

/**
 * What the dashboard page needs: every panel and the filter bar's options, both cached under one
 * data-version read (the options scan every touchpoint's department and every stage too).
 */
export async function getDashboardPageData(
  db: DbOrTx,
  workspaceId: string,
  filters: TDashboardFilters,
): Promise<{ dashboard: Dashboard; options: DashboardFilterOptions }> {
  const version = await dashboardDataVersion(db, workspaceId);
  const [dashboard, options] = await Promise.all([
    dashboardEntry(db, workspaceId, filters, undefined, version).then((e) => e.value as Promise<Dashboard>),
    cached(`${workspaceId}|options`, version, () => getDashboardFilterOptions(db, workspaceId)).then((e) => e.value as Promise<DashboardFilterOptions>),
  ]);
  return { dashboard, options };
}

/** A Server-Timing header value (`version;dur=…, compute;dur=…;desc="miss", panel-overview;dur=…`). */
export function serverTimingHeader(timing: DashboardTiming, extra: Record<string, number | undefined> = {}): string {
  const parts: string[] = [];
  const add = (name: string, ms: number | undefined, desc?: string) => {
    if (ms !== undefined) parts.push(`${name};dur=${ms.toFixed(1)}${desc ? `;desc="${desc}"` : ""}`);
  };
  for (const [name, ms] of Object.entries(extra)) add(name, ms);
  add("version", timing.version);
  if (timing.hit) parts.push(`cache;desc="hit"`);
  else add("compute", timing.compute, "miss");
  for (const [name, ms] of Object.entries(timing.panels ?? {})) add(`panel-${name}`, ms);
  add("serialise", timing.serialise);
  return parts.join(", ");
}

/** Drops every cached view (tests). */
export function clearDashboardCache(): void {
  entries.clear();
}
