// Panel "Curves side by side": the emotion curve of each chosen map, to overlay persona A vs B or the
// current vs the future state of a process.
import { and, asc, desc, eq, gt, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { journeyMaps, mapPersonas, mapTouchpoints, personas } from "@/db/schema";
import type { TDashboardFilters } from "./filters";
import { touchpointEmotion } from "./persona-emotion";
import { mapScopeWithContent } from "./scope";

/** At most this many curves are overlaid (one chart colour each). */
export const MAX_CURVES = 6;

export type CurvePoint = {
  touchpointId: string;
  title: string;
  stage: string;
  /** 1-based step along the (filtered) journey: the shared x axis. */
  step: number;
  emotion: number | null;
  momentOfTruth: boolean;
};
export type EmotionCurve = { mapId: string; title: string; state: "current" | "future"; personas: string[]; points: CurvePoint[] };
export type EmotionCurves = { curves: EmotionCurve[]; /** Maps in scope; more than shown when limited. */ mapsInScope: number };

/**
 * The chosen maps' curves: the maps of the `maps` filter, else the most recently changed maps in scope
 * (at most MAX_CURVES). Department and stage filters keep only their touchpoints on each curve.
 */
export async function getEmotionCurves(db: DbOrTx, workspaceId: string, filters: TDashboardFilters): Promise<EmotionCurves> {
  // A map without touchpoints has no curve to draw.
  const scope = and(mapScopeWithContent(workspaceId, filters), gt(journeyMaps.touchpointCount, 0));
  const [maps, [{ n }]] = await Promise.all([
    db
      .select({ id: journeyMaps.id, title: journeyMaps.title, state: journeyMaps.state })
      .from(journeyMaps)
      .where(scope)
      .orderBy(desc(journeyMaps.updatedAt), asc(journeyMaps.title))
      .limit(MAX_CURVES),
    db.select({ n: sql<number>`count(*)::int` }).from(journeyMaps).where(scope),
  ]);
  if (maps.length === 0) return { curves: [], mapsInScope: n };
  const ids = maps.map((m) => m.id);
  const tpConditions = [inArray(mapTouchpoints.mapId, ids), eq(mapTouchpoints.workspaceId, workspaceId)];
  if (filters.department) tpConditions.push(eq(mapTouchpoints.department, filters.department));
  if (filters.stage) tpConditions.push(eq(mapTouchpoints.stageName, filters.stage));
  const [points, personaRows] = await Promise.all([
    db
      .select({
        mapId: mapTouchpoints.mapId,
        touchpointId: mapTouchpoints.touchpointId,
        title: mapTouchpoints.title,
        stage: mapTouchpoints.stageName,
        emotion: touchpointEmotion(filters),
        momentOfTruth: mapTouchpoints.momentOfTruth,
      })
      .from(mapTouchpoints)
      .where(sql.join(tpConditions, sql` and `))
      .orderBy(asc(mapTouchpoints.mapId), asc(mapTouchpoints.position)),
    db
      .select({ mapId: mapPersonas.mapId, name: personas.name })
      .from(mapPersonas)
      .innerJoin(personas, eq(personas.id, mapPersonas.personaId))
      .where(sql`${inArray(mapPersonas.mapId, ids)} and ${personas.workspaceId} = ${workspaceId} and ${personas.deletedAt} is null`)
      .orderBy(asc(personas.name)),
  ]);
  // Most recent first would put the chart's legend in a random-looking order: sort by title instead.
  const curves = maps
    .map((m) => {
      const own = points.filter((p) => p.mapId === m.id);
      return {
        mapId: m.id,
        title: m.title,
        state: m.state,
        personas: personaRows.filter((p) => p.mapId === m.id).map((p) => p.name),
        points: own.map((p, i) => ({
          touchpointId: p.touchpointId,
          title: p.title,
          stage: p.stage,
          step: i + 1,
          emotion: p.emotion,
          momentOfTruth: p.momentOfTruth,
        })),
      };
    })
    .sort((a, b) => a.title.localeCompare(b.title) || a.state.localeCompare(b.state));
  return { curves, mapsInScope: n };
}
