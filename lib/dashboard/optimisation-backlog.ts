// Panel "Optimisation backlog": opportunities noted at touchpoints, by owning department and status.
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { journeyMaps, mapTouchpoints, touchpointOpportunities } from "@/db/schema";
import type { TDashboardFilters } from "./filters";
import { touchpointScope } from "./scope";

export type BacklogRow = { department: string; open: number; inProgress: number; done: number; total: number };
export type OptimisationBacklog = { rows: BacklogRow[]; totals: Omit<BacklogRow, "department"> };

/**
 * Opportunities per department and status. An opportunity without its own department belongs to the
 * department owning its touchpoint. Most open work first.
 */
export async function getOptimisationBacklog(db: DbOrTx, workspaceId: string, filters: TDashboardFilters): Promise<OptimisationBacklog> {
  const department = sql<string>`coalesce(nullif(${touchpointOpportunities.department}, ''), ${mapTouchpoints.department})`;
  // The department filter applies to the opportunity's department, not only the touchpoint's.
  const scope = touchpointScope(workspaceId, { ...filters, department: undefined });
  const rows = await db
    .select({
      department,
      open: sql<number>`count(*) filter (where ${touchpointOpportunities.status} = 'open')::int`,
      inProgress: sql<number>`count(*) filter (where ${touchpointOpportunities.status} = 'in_progress')::int`,
      done: sql<number>`count(*) filter (where ${touchpointOpportunities.status} = 'done')::int`,
      total: sql<number>`count(*)::int`,
    })
    .from(touchpointOpportunities)
    .innerJoin(
      mapTouchpoints,
      and(eq(mapTouchpoints.mapId, touchpointOpportunities.mapId), eq(mapTouchpoints.touchpointId, touchpointOpportunities.touchpointId)),
    )
    .innerJoin(journeyMaps, eq(journeyMaps.id, touchpointOpportunities.mapId))
    .where(and(scope, filters.department ? sql`${department} = ${filters.department}` : undefined))
    .groupBy(department);
  rows.sort((a, b) => b.open - a.open || b.inProgress - a.inProgress || b.total - a.total || a.department.localeCompare(b.department));
  const totals = rows.reduce(
    (t, r) => ({ open: t.open + r.open, inProgress: t.inProgress + r.inProgress, done: t.done + r.done, total: t.total + r.total }),
    { open: 0, inProgress: 0, done: 0, total: 0 },
  );
  return { rows, totals };
}
