// Panel "Current vs future" (issue 13): every current ⇄ future pair in scope with both maps' average
// emotion and the progress of the future map (share of its touchpoints live). A pair is in scope when
// either of its maps passes the map-level filters. Two small queries over the projection.
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { journeyMaps, mapPairs, mapTouchpoints } from "@/db/schema";
import type { TDashboardFilters } from "./filters";
import { NO_FILTERS } from "./filters";
import { mapScopeWithContent, round2 } from "./scope";

export type CurrentVsFuturePair = {
  currentMapId: string;
  currentTitle: string;
  futureMapId: string;
  futureTitle: string;
  currentAverage: number | null;
  futureAverage: number | null;
  /** future − current (null when either is unrated). */
  gap: number | null;
  total: number;
  idea: number;
  planned: number;
  inProgress: number;
  live: number;
  /** live / total future touchpoints (null when the future map is empty). */
  liveShare: number | null;
};
export type CurrentVsFuture = { pairs: CurrentVsFuturePair[] };

const LIMIT = 50;

export async function getCurrentVsFuture(db: DbOrTx, workspaceId: string, filters: TDashboardFilters = NO_FILTERS): Promise<CurrentVsFuture> {
  const current = alias(journeyMaps, "cvf_current");
  const future = alias(journeyMaps, "cvf_future");
  const inScope = db.select({ id: journeyMaps.id }).from(journeyMaps).where(mapScopeWithContent(workspaceId, filters));
  const rows = await db
    .select({
      currentMapId: mapPairs.currentMapId,
      futureMapId: mapPairs.futureMapId,
      currentTitle: current.title,
      futureTitle: future.title,
      currentAverage: current.avgEmotion,
      futureAverage: future.avgEmotion,
    })
    .from(mapPairs)
    .innerJoin(current, eq(current.id, mapPairs.currentMapId))
    .innerJoin(future, eq(future.id, mapPairs.futureMapId))
    .where(
      and(
        eq(mapPairs.workspaceId, workspaceId),
        isNull(current.deletedAt),
        isNull(future.deletedAt),
        or(inArray(mapPairs.currentMapId, inScope), inArray(mapPairs.futureMapId, inScope)),
      ),
    )
    .orderBy(current.title)
    .limit(LIMIT);
  if (!rows.length) return { pairs: [] };
  const counts = await db
    .select({ mapId: mapTouchpoints.mapId, status: mapTouchpoints.futureStatus, n: sql<number>`count(*)::int` })
    .from(mapTouchpoints)
    .where(and(eq(mapTouchpoints.workspaceId, workspaceId), inArray(mapTouchpoints.mapId, rows.map((r) => r.futureMapId))))
    .groupBy(mapTouchpoints.mapId, mapTouchpoints.futureStatus);
  const byMap = new Map<string, Record<string, number>>();
  for (const c of counts) {
    const m = byMap.get(c.mapId) ?? {};
    m[c.status ?? "unset"] = (m[c.status ?? "unset"] ?? 0) + Number(c.n);
    byMap.set(c.mapId, m);
  }
  return {
    pairs: rows.map((r) => {
      const m = byMap.get(r.futureMapId) ?? {};
      const total = Object.values(m).reduce((a, b) => a + b, 0);
      const live = m.live ?? 0;
      const currentAverage = round2(r.currentAverage);
      const futureAverage = round2(r.futureAverage);
      return {
        ...r,
        currentAverage,
        futureAverage,
        gap: currentAverage === null || futureAverage === null ? null : round2(futureAverage - currentAverage),
        total,
        idea: m.idea ?? 0,
        planned: m.planned ?? 0,
        inProgress: m.in_progress ?? 0,
        live,
        liveShare: total ? live / total : null,
      };
    }),
  };
}
