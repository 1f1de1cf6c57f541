// Panel "KPI attainment": every measured KPI (target and actual set), missed ones first, and the share
// of KPIs on target per owning department.
import { and, isNotNull, sql } from "drizzle-orm";
import { queryRows, type DbOrTx } from "@/db/client";
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
  // The KPIs in scope are joined once (a materialized CTE) and feed both the list and the per-department shares.
  const [row] = await queryRows<{ list: unknown; departments: unknown }>(
    db,
    sql`with k as materialized (
      select ${touchpointKpis.mapId} as "mapId", ${journeyMaps.title} as "mapTitle", ${touchpointKpis.touchpointId} as "touchpointId",
        ${mapTouchpoints.title} as "touchpoint", ${mapTouchpoints.stageName} as "stage", ${mapTouchpoints.department} as "department",
        ${touchpointKpis.name} as "name", ${touchpointKpis.target} as "target", ${touchpointKpis.actual} as "actual",
        ${touchpointKpis.unit} as "unit", ${touchpointKpis.higherIsBetter} as "higherIsBetter", ${touchpointKpis.onTarget} as "onTarget",
        ${mapTouchpoints.position} as tp_position, ${touchpointKpis.position} as kpi_position
      from ${touchpointKpis}
      inner join ${mapTouchpoints} on ${mapTouchpoints.mapId} = ${touchpointKpis.mapId} and ${mapTouchpoints.touchpointId} = ${touchpointKpis.touchpointId}
      inner join ${journeyMaps} on ${journeyMaps.id} = ${touchpointKpis.mapId}
      where ${scope}
    )
    select
      (select coalesce(json_agg(l), '[]'::json) from (
        select "mapId", "mapTitle", "touchpointId", "touchpoint", "stage", "department", "name", "target", "actual", "unit", "higherIsBetter", "onTarget"
        from k
        order by "onTarget" asc, abs("actual" - "target") / greatest(abs("target"), 1e-9) desc, "mapTitle" asc, tp_position asc, kpi_position asc
        limit ${limit}
      ) l) as list,
      (select coalesce(json_agg(d), '[]'::json) from (
        select "department", count(*)::int as kpis, (count(*) filter (where "onTarget"))::int as "onTarget" from k group by "department"
      ) d) as departments`,
  );
  const kpis = parseJson<KpiRow[]>(row.list);
  const departments = parseJson<{ department: string; kpis: number; onTarget: number }[]>(row.departments)
    .map((d) => ({ ...d, missed: d.kpis - d.onTarget, share: round2(d.onTarget / d.kpis)! }))
    .sort((a, b) => a.share - b.share || b.kpis - a.kpis || a.department.localeCompare(b.department));
  return {
    kpis,
    total: departments.reduce((sum, d) => sum + d.kpis, 0),
    onTarget: departments.reduce((sum, d) => sum + d.onTarget, 0),
    byDepartment: departments,
  };
}

function parseJson<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}
