// One pass over the touchpoints in scope for three panels: the overview's totals, emotion by stage
// and the silo heatmap (department × stage). Each used to scan every touchpoint (joined to its map
// and stage) on its own; GROUPING SETS computes the three levels in one scan with the very same
// aggregate functions, so the figures are identical.
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { journeyMaps, mapStages, mapTouchpoints } from "@/db/schema";
import type { TDashboardFilters } from "./filters";
import { touchpointEmotion } from "./persona-emotion";
import { touchpointScope } from "./scope";

export type TouchpointSummaryRow = {
  /** 0: department × stage; 1: stage; 3: every touchpoint in scope (`grouping(stage, department)`). */
  level: number;
  stage: string | null;
  department: string | null;
  /** The department by id at level 0 (null = free text); a rename never splits a silo row. */
  departmentId: string | null;
  touchpoints: number;
  rated: number;
  avg: number | null;
  min: number | null;
  max: number | null;
  stddev: number | null;
  maps: number;
  /** avg / sum / count of the stage's position (per touchpoint). */
  position: number | null;
  positionSum: number;
  positionCount: number;
  momentsOfTruth: number;
  negative: number;
};

export async function getTouchpointSummary(db: DbOrTx, workspaceId: string, filters: TDashboardFilters): Promise<TouchpointSummaryRow[]> {
  // Under a single-persona filter the emotion is that persona's (persona-emotion.ts).
  const emotion = touchpointEmotion(filters);
  return db
    .select({
      level: sql<number>`grouping(${mapTouchpoints.stageName}, ${mapTouchpoints.department})::int`,
      stage: mapTouchpoints.stageName,
      department: mapTouchpoints.department,
      departmentId: mapTouchpoints.departmentId,
      touchpoints: sql<number>`count(*)::int`,
      rated: sql<number>`count(${emotion})::int`,
      avg: sql<number | null>`avg(${emotion})::float8`,
      min: sql<number | null>`min(${emotion})::int`,
      max: sql<number | null>`max(${emotion})::int`,
      stddev: sql<number | null>`stddev_pop(${emotion})::float8`,
      maps: sql<number>`count(distinct ${mapTouchpoints.mapId})::int`,
      position: sql<number | null>`avg(${mapStages.position})::float8`,
      positionSum: sql<number>`coalesce(sum(${mapStages.position}), 0)::float8`,
      positionCount: sql<number>`count(${mapStages.position})::int`,
      momentsOfTruth: sql<number>`count(*) filter (where ${mapTouchpoints.momentOfTruth})::int`,
      negative: sql<number>`count(*) filter (where ${emotion} < 0)::int`,
    })
    .from(mapTouchpoints)
    .innerJoin(journeyMaps, eq(journeyMaps.id, mapTouchpoints.mapId))
    // At most one stage per touchpoint (primary key): the join never multiplies rows.
    .leftJoin(mapStages, and(eq(mapStages.mapId, mapTouchpoints.mapId), eq(mapStages.stageId, mapTouchpoints.stageId)))
    .where(touchpointScope(workspaceId, filters))
    .groupBy(sql`grouping sets ((${mapTouchpoints.stageName}, ${mapTouchpoints.department}, ${mapTouchpoints.departmentId}), (${mapTouchpoints.stageName}), ())`);
}
