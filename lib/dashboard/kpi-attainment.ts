// Panel "KPI attainment": every measured KPI (target and actual set), missed ones first, and the share
// of KPIs on target per owning department.
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { journeyMaps, mapTouchpoints, touchpointKpis } from "@/db/schema";
import type { TDashboardFilters } from "./filters";
import { round2, touchpointScope } from "./scope";

export type KpiRow = {
  mapId: string;
  mapTitle: string;
  touchpointId: string;
  touchpoint: string;
  stage: string;
  department: string;
  name: string;
  target: number;
  actual: number;
  unit: string;
  higherIsBetter: boolean;
  onTarget: boolean;
};
export type KpiDepartmentRow = { department: string; kpis: number; onTarget: number; missed: number; /** 0…1 */ share: number };
export type KpiAttainment = {
  kpis: KpiRow[];
  /** Measured KPIs in scope (the list is capped at `limit`). */
  total: number;
  onTarget: number;
  byDepartment: KpiDepartmentRow[];
};

/** Measured KPIs, missed first (then by how far they are off), and attainment per department (worst share first). */
export async function getKpiAttainment(db: DbOrTx, workspaceId: string, filters: TDashboardFilters, limit = 100): Promise<KpiAttainment> {
  const scope = and(touchpointScope(workspaceId, filters), isNotNull(touchpointKpis.onTarget), isNotNull(touchpointKpis.target), isNotNull(touchpointKpis.actual));
  // How far off the target a KPI is, relative to the target (for ordering the missed ones).
  const offBy = sql`abs(${touchpointKpis.actual} - ${touchpointKpis.target}) / greatest(abs(${touchpointKpis.target}), 1e-9)`;
  const [kpis, byDepartment] = await Promise.all([
    db
      .select({
        mapId: touchpointKpis.mapId,
        mapTitle: journeyMaps.title,
        touchpointId: touchpointKpis.touchpointId,
        touchpoint: mapTouchpoints.title,
        stage: mapTouchpoints.stageName,
        department: mapTouchpoints.department,
        name: touchpointKpis.name,
        target: sql<number>`${touchpointKpis.target}`,
        actual: sql<number>`${touchpointKpis.actual}`,
        unit: touchpointKpis.unit,
        higherIsBetter: touchpointKpis.higherIsBetter,
        onTarget: sql<boolean>`${touchpointKpis.onTarget}`,
      })
      .from(touchpointKpis)
      .innerJoin(mapTouchpoints, and(eq(mapTouchpoints.mapId, touchpointKpis.mapId), eq(mapTouchpoints.touchpointId, touchpointKpis.touchpointId)))
      .innerJoin(journeyMaps, eq(journeyMaps.id, touchpointKpis.mapId))
      .where(scope)
      .orderBy(asc(touchpointKpis.onTarget), sql`${offBy} desc`, asc(journeyMaps.title), asc(mapTouchpoints.position), asc(touchpointKpis.position))
      .limit(limit),
    db
      .select({
        department: mapTouchpoints.department,
        kpis: sql<number>`count(*)::int`,
        onTarget: sql<number>`count(*) filter (where ${touchpointKpis.onTarget})::int`,
      })
      .from(touchpointKpis)
      .innerJoin(mapTouchpoints, and(eq(mapTouchpoints.mapId, touchpointKpis.mapId), eq(mapTouchpoints.touchpointId, touchpointKpis.touchpointId)))
      .innerJoin(journeyMaps, eq(journeyMaps.id, touchpointKpis.mapId))
      .where(scope)
      .groupBy(mapTouchpoints.department),
  ]);
  const departments = byDepartment
    .map((d) => ({ ...d, missed: d.kpis - d.onTarget, share: round2(d.onTarget / d.kpis)! }))
    .sort((a, b) => a.share - b.share || b.kpis - a.kpis || a.department.localeCompare(b.department));
  return {
    kpis,
    total: departments.reduce((sum, d) => sum + d.kpis, 0),
    onTarget: departments.reduce((sum, d) => sum + d.onTarget, 0),
    byDepartment: departments,
  };
}
