// Panel "Worst touchpoints": the lowest-rated touchpoints with where they are and who owns them.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { journeyMaps, mapTouchpoints } from "@/db/schema";
import type { TDashboardFilters } from "./filters";
import { touchpointEmotion } from "./persona-emotion";
import { touchpointScope } from "./scope";

export type TouchpointRef = {
  mapId: string;
  mapTitle: string;
  mapState: "current" | "future";
  touchpointId: string;
  title: string;
  stage: string;
  department: string;
  owner: string;
  channel: string;
  emotion: number | null;
  momentOfTruth: boolean;
};
export type WorstTouchpoint = TouchpointRef & { painPoints: number };

export const touchpointRefColumns = {
  mapId: mapTouchpoints.mapId,
  mapTitle: journeyMaps.title,
  mapState: journeyMaps.state,
  touchpointId: mapTouchpoints.touchpointId,
  title: mapTouchpoints.title,
  stage: mapTouchpoints.stageName,
  department: mapTouchpoints.department,
  owner: mapTouchpoints.owner,
  channel: mapTouchpoints.channel,
  emotion: mapTouchpoints.emotion,
  momentOfTruth: mapTouchpoints.momentOfTruth,
};

/** The `limit` rated touchpoints with the lowest emotion (moments of truth and more pain points first on ties). */
export async function getWorstTouchpoints(db: DbOrTx, workspaceId: string, filters: TDashboardFilters, limit = 10): Promise<WorstTouchpoint[]> {
  // Under a single-persona filter the emotion is that persona's (persona-emotion.ts).
  const emotion = touchpointEmotion(filters);
  return db
    .select({ ...touchpointRefColumns, emotion, painPoints: mapTouchpoints.painPointCount })
    .from(mapTouchpoints)
    .innerJoin(journeyMaps, eq(journeyMaps.id, mapTouchpoints.mapId))
    .where(and(touchpointScope(workspaceId, filters), sql`${emotion} is not null`))
    .orderBy(
      asc(emotion),
      desc(mapTouchpoints.momentOfTruth),
      desc(mapTouchpoints.painPointCount),
      asc(journeyMaps.title),
      asc(mapTouchpoints.position),
    )
    .limit(limit);
}
