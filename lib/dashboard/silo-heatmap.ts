// Panel "The silo view": departments × stages — how many touchpoints each department owns in each
// stage, and how customers feel there.
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { journeyMaps, mapStages, mapTouchpoints } from "@/db/schema";
import type { TDashboardFilters } from "./filters";
import { round2, touchpointScope } from "./scope";
import type { TouchpointSummaryRow } from "./touchpoint-summary";

export type SiloCell = { department: string; stage: string; touchpoints: number; rated: number; avgEmotion: number | null };
export type SiloHeatmap = {
  /** Departments by touchpoints owned, most first ("" = no owner department). */
  departments: string[];
  /** Stages in their typical journey order. */
  stages: string[];
  /** Only non-empty cells. */
  cells: SiloCell[];
};

export async function getSiloHeatmap(db: DbOrTx, workspaceId: string, filters: TDashboardFilters): Promise<SiloHeatmap> {
  const rows = await db
    .select({
      department: mapTouchpoints.department,
      stage: mapTouchpoints.stageName,
      touchpoints: sql<number>`count(*)::int`,
      rated: sql<number>`count(${mapTouchpoints.emotion})::int`,
      avgEmotion: sql<number | null>`avg(${mapTouchpoints.emotion})::float8`,
      positionSum: sql<number>`coalesce(sum(${mapStages.position}), 0)::float8`,
      positionCount: sql<number>`count(${mapStages.position})::int`,
    })
    .from(mapTouchpoints)
    .innerJoin(journeyMaps, eq(journeyMaps.id, mapTouchpoints.mapId))
    .leftJoin(mapStages, and(eq(mapStages.mapId, mapTouchpoints.mapId), eq(mapStages.stageId, mapTouchpoints.stageId)))
    .where(touchpointScope(workspaceId, filters))
    .groupBy(mapTouchpoints.department, mapTouchpoints.stageName);
  return siloFromRows(rows);
}

/** The heatmap from the shared touchpoint summary (its department × stage level). */
export async function getSiloHeatmapFromSummary(summary: Promise<TouchpointSummaryRow[]>): Promise<SiloHeatmap> {
  return siloFromRows((await summary).filter((r) => r.level === 0).map((r) => ({ ...r, stage: r.stage ?? "", department: r.department ?? "", avgEmotion: r.avg })));
}

type SiloAggregate = { department: string; stage: string; touchpoints: number; rated: number; avgEmotion: number | null; positionSum: number; positionCount: number };

function siloFromRows(rows: SiloAggregate[]): SiloHeatmap {
  const departmentTotals = new Map<string, number>();
  const stagePositions = new Map<string, { sum: number; count: number }>();
  for (const r of rows) {
    departmentTotals.set(r.department, (departmentTotals.get(r.department) ?? 0) + r.touchpoints);
    const p = stagePositions.get(r.stage) ?? { sum: 0, count: 0 };
    stagePositions.set(r.stage, { sum: p.sum + r.positionSum, count: p.count + r.positionCount });
  }
  const typical = (stage: string) => {
    const p = stagePositions.get(stage)!;
    return p.count ? p.sum / p.count : 0;
  };
  return {
    departments: [...departmentTotals.keys()].sort(
      (a, b) => departmentTotals.get(b)! - departmentTotals.get(a)! || (a === "" ? 1 : b === "" ? -1 : a.localeCompare(b)),
    ),
    stages: [...stagePositions.keys()].sort((a, b) => typical(a) - typical(b) || a.localeCompare(b)),
    cells: rows.map(({ department, stage, touchpoints, rated, avgEmotion }) => ({ department, stage, touchpoints, rated, avgEmotion: round2(avgEmotion) })),
  };
}
