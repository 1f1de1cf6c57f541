// The dashboard for the page and the REST API, computed once per workspace, filters and data
// version, and shared by every viewer who asks before the data changes. Viewers outnumber editors
// and most requests repeat the same few views, while computing all panels scans every touchpoint.
//
// The data version is a digest of what the panels read that can change (each map's row — the
// projection stamps `updated_at` on every rewrite, deletes set `deleted_at`, reviews `reviewed_at`
// — and each persona's row), read in one small query per request, so a change made by any process
// (several app instances, a separate sync service) is seen by the next request. Names of people
// (activity, owners) are not part of it: a cached view lives at most MAX_AGE_MS, which also bounds
// how stale "days since last change" can get.
import { sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/client";
import type { TDashboardFilters } from "./filters";
import { getDashboard, type Dashboard } from "./get-dashboard";

const MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 200;

type Entry = { version: string; at: number; value: Promise<Dashboard> };
const KEY = Symbol.for("journeyboard.dashboardCache");
const g = globalThis as unknown as { [KEY]?: Map<string, Entry> };
// On globalThis: Next loads this module once per bundle (route handler, page); one cache serves both.
const entries = (g[KEY] ??= new Map<string, Entry>());

/** What the panels read that can change, as one short digest. */
export async function dashboardDataVersion(db: DbOrTx, workspaceId: string): Promise<string> {
  const [row] = await queryRows<{ maps: string | null; personas: string | null }>(
    db,
    sql`select
      (select md5(string_agg(id::text || ':' || updated_at::text || ':' || coalesce(deleted_at::text, '') || ':' || coalesce(reviewed_at::text, '')
        || ':' || coalesce(owner_id, '') || ':' || coalesce(owner_department, '') || ':' || coalesce(updated_by, ''), ',' order by id))
        from journey_maps where workspace_id = ${workspaceId}) as maps,
      (select md5(string_agg(id::text || ':' || updated_at::text || ':' || coalesce(deleted_at::text, ''), ',' order by id))
        from personas where workspace_id = ${workspaceId}) as personas`,
  );
  return `${row?.maps ?? "-"}/${row?.personas ?? "-"}`;
}

function filtersKey(filters: TDashboardFilters): string {
  return JSON.stringify([
    [...filters.personas].sort(), filters.department ?? null, filters.stage ?? null, filters.state ?? null,
    [...filters.maps].sort(), filters.since?.toISOString() ?? null,
  ]);
}

/** Every panel's data, from the cache when nothing the panels read has changed (the caller has checked access). */
export async function getDashboardCached(db: DbOrTx, workspaceId: string, filters: TDashboardFilters): Promise<Dashboard> {
  const version = await dashboardDataVersion(db, workspaceId);
  const key = `${workspaceId}|${filtersKey(filters)}`;
  const hit = entries.get(key);
  if (hit && hit.version === version && Date.now() - hit.at < MAX_AGE_MS) {
    // Most recently used last: the first key is the one to evict.
    entries.delete(key);
    entries.set(key, hit);
    return hit.value;
  }
  // Concurrent requests for the same view share one computation.
  const value = getDashboard(db, workspaceId, filters);
  entries.delete(key);
  entries.set(key, { version, at: Date.now(), value });
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}

/** Drops every cached view (tests). */
export function clearDashboardCache(): void {
  entries.clear();
}
