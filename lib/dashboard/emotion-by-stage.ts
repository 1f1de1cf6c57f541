// Panel "Emotion by stage": the average emotion per stage name across the selected maps, with its
// spread, in the order stages typically appear in journeys.
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { journeyMaps, mapStages, mapTouchpoints } from "@/db/schema";
import type { TDashboardFilters } from "./filters";
import { touchpointEmotion } from "./persona-emotion";
import { round2, touchpointScope } from "./scope";
import type { TouchpointSummaryRow } from "./touchpoint-summary";

export type EmotionByStageRow = {
  stage: string;
  /** Average 0-based position of the stage in its maps: the typical place in a journey. */
  typicalPosition: number;
  maps: number;
  touchpoints: number;
  /** Touchpoints with an emotion (unrated ones count in `touchpoints` only). */
  rated: number;
  avg: number | null;
  min: number | null;
  max: number | null;
  /** Population standard deviation of the rated emotions. */
  stddev: number | null;
  /** max − min. */
  spread: number | null;
};

/** Emotion per stage (avg, min, max, stddev, spread), ordered by typical stage position. */
export async function getEmotionByStage(db: DbOrTx, workspaceId: string, filters: TDashboardFilters): Promise<EmotionByStageRow[]> {
  // Under a single-persona filter the emotion is that persona's (persona-emotion.ts).
  const emotion = touchpointEmotion(filters);
  const rows = await db
    .select({
      stage: mapTouchpoints.stageName,
      position: sql<number | null>`avg(${mapStages.position})::float8`,
      maps: sql<number>`count(distinct ${mapTouchpoints.mapId})::int`,
      touchpoints: sql<number>`count(*)::int`,
      rated: sql<number>`count(${emotion})::int`,
      avg: sql<number | null>`avg(${emotion})::float8`,
      min: sql<number | null>`min(${emotion})::int`,
      max: sql<number | null>`max(${emotion})::int`,
      stddev: sql<number | null>`stddev_pop(${emotion})::float8`,
    })
    .from(mapTouchpoints)
    .innerJoin(journeyMaps, eq(journeyMaps.id, mapTouchpoints.mapId))
    .leftJoin(mapStages, and(eq(mapStages.mapId, mapTouchpoints.mapId), eq(mapStages.stageId, mapTouchpoints.stageId)))
    .where(touchpointScope(workspaceId, filters))
    .groupBy(mapTouchpoints.stageName);
  return emotionByStageRows(rows);
}

/** Emotion by stage from the shared touchpoint summary (its per-stage level). */
export async function getEmotionByStageFromSummary(summary: Promise<TouchpointSummaryRow[]>): Promise<EmotionByStageRow[]> {
  return emotionByStageRows((await summary).filter((r) => r.level === 1).map((r) => ({ ...r, stage: r.stage ?? "" })));
}

type StageAggregate = {
  stage: string; position: number | null; maps: number; touchpoints: number; rated: number;
  avg: number | null; min: number | null; max: number | null; stddev: number | null;
};

function emotionByStageRows(rows: StageAggregate[]): EmotionByStageRow[] {
  return rows
    .map((r) => ({
      stage: r.stage,
      typicalPosition: round2(r.position) ?? 0,
      maps: r.maps,
      touchpoints: r.touchpoints,
      rated: r.rated,
      avg: round2(r.avg),
      min: r.min,
      max: r.max,
      stddev: round2(r.stddev),
      spread: r.min === null || r.max === null ? null : r.max - r.min,
    }))
    .sort((a, b) => a.typicalPosition - b.typicalPosition || a.stage.localeCompare(b.stage));
}
