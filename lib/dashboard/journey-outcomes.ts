// Panel "Journey outcomes": the journey KPIs (CSAT, NPS, …) of the maps in scope with their targets
// and their recorded history (touchpoint_metrics, scope "journey") as one small trend each.
import { and, asc, desc, eq, gte, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { journeyMaps, mapJourneyKpis, touchpointMetrics } from "@/db/schema";
import type { TDashboardFilters } from "./filters";
import { mapScopeWithContent } from "./scope";

/** At most this many KPI trends are shown. */
export const MAX_OUTCOME_TRENDS = 12;
/** History shown: the last 13 months (a year and the month before, to see the change). */
const HISTORY_DAYS = 400;

export type JourneyOutcomeTrend = {
  mapId: string;
  mapTitle: string;
  kpiId: string;
  name: string;
  metric: string;
  unit: string;
  target: number | null;
  actual: number | null;
  higherIsBetter: boolean;
  /** Oldest first. */
  points: { at: string; value: number }[];
};
export type JourneyOutcomes = { trends: JourneyOutcomeTrend[]; /** KPIs in scope; more than shown when limited. */ total: number };

export async function getJourneyOutcomes(db: DbOrTx, workspaceId: string, filters: TDashboardFilters, now: Date = new Date()): Promise<JourneyOutcomes> {
  const scope = and(mapScopeWithContent(workspaceId, filters), eq(mapJourneyKpis.workspaceId, workspaceId));
  const [kpis, [{ n }]] = await Promise.all([
    db
      .select({
        mapId: mapJourneyKpis.mapId, mapTitle: journeyMaps.title, kpiId: mapJourneyKpis.kpiId, name: mapJourneyKpis.name, metric: mapJourneyKpis.metric,
        unit: mapJourneyKpis.unit, target: mapJourneyKpis.target, actual: mapJourneyKpis.actual, higherIsBetter: mapJourneyKpis.higherIsBetter,
      })
      .from(mapJourneyKpis)
      .innerJoin(journeyMaps, eq(journeyMaps.id, mapJourneyKpis.mapId))
      .where(scope)
      .orderBy(desc(journeyMaps.updatedAt), asc(journeyMaps.id), asc(mapJourneyKpis.position))
      .limit(MAX_OUTCOME_TRENDS),
    db.select({ n: sql<number>`count(*)::int` }).from(mapJourneyKpis).innerJoin(journeyMaps, eq(journeyMaps.id, mapJourneyKpis.mapId)).where(scope),
  ]);
  if (!kpis.length) return { trends: [], total: n };
  const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
  const history = await db
    .select({ mapId: touchpointMetrics.mapId, kpiId: touchpointMetrics.kpiId, value: touchpointMetrics.value, at: touchpointMetrics.at })
    .from(touchpointMetrics)
    .where(
      and(
        eq(touchpointMetrics.workspaceId, workspaceId),
        eq(touchpointMetrics.scope, "journey"),
        inArray(touchpointMetrics.mapId, [...new Set(kpis.map((k) => k.mapId))]),
        inArray(touchpointMetrics.kpiId, kpis.map((k) => k.kpiId)),
        gte(touchpointMetrics.at, since),
      ),
    )
    .orderBy(asc(touchpointMetrics.at), asc(touchpointMetrics.id));
  const byKey = new Map<string, { at: string; value: number }[]>();
  for (const h of history) {
    const key = `${h.mapId}\u0000${h.kpiId}`;
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push({ at: h.at.toISOString(), value: h.value });
  }
  return { trends: kpis.map((k) => ({ ...k, points: byKey.get(`${k.mapId}\u0000${k.kpiId}`) ?? [] })), total: n };
}
