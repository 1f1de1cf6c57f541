// Panel "Moments of truth at risk": moments of truth where customers feel bad or a KPI misses its target.
import { and, asc, eq, or, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { journeyMaps, mapTouchpoints, touchpointKpis } from "@/db/schema";
import type { TDashboardFilters } from "./filters";
import { touchpointScope } from "./scope";
import { touchpointRefColumns, type TouchpointRef } from "./worst-touchpoints";

export type MomentOfTruthAtRisk = TouchpointRef & { kpis: number; missedKpis: number; missedKpiNames: string[] };
export type MomentsOfTruth = { atRisk: MomentOfTruthAtRisk[]; /** All moments of truth in scope. */ total: number };

/** Moments of truth with emotion < 0 or at least one KPI off target; worst emotion, then most missed KPIs first. */
export async function getMomentsOfTruthAtRisk(db: DbOrTx, workspaceId: string, filters: TDashboardFilters, limit = 50): Promise<MomentsOfTruth> {
  const scope = and(touchpointScope(workspaceId, filters), eq(mapTouchpoints.momentOfTruth, true));
  // The KPIs of each moment of truth, aggregated once per touchpoint (lateral), not once per figure.
  const kpi = db
    .select({
      kpis: sql<number>`count(*)::int`.as("kpis"),
      missed: sql<number>`(count(*) filter (where ${touchpointKpis.onTarget} = false))::int`.as("missed"),
      names: sql<unknown>`coalesce(json_agg(${touchpointKpis.name} order by ${touchpointKpis.position}) filter (where ${touchpointKpis.onTarget} = false), '[]'::json)`.as("missed_names"),
    })
    .from(touchpointKpis)
    .where(sql`${touchpointKpis.mapId} = ${mapTouchpoints.mapId} and ${touchpointKpis.touchpointId} = ${mapTouchpoints.touchpointId}`)
    .as("mot_kpis");
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ ...touchpointRefColumns, kpis: kpi.kpis, missedKpis: kpi.missed, missedKpiNames: kpi.names })
      .from(mapTouchpoints)
      .innerJoin(journeyMaps, eq(journeyMaps.id, mapTouchpoints.mapId))
      .leftJoinLateral(kpi, sql`true`)
      .where(and(scope, or(lt(mapTouchpoints.emotion, 0), sql`${kpi.missed} > 0`)))
      .orderBy(sql`${mapTouchpoints.emotion} asc nulls last`, sql`${kpi.missed} desc`, asc(journeyMaps.title), asc(mapTouchpoints.position))
      .limit(limit),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(mapTouchpoints)
      .innerJoin(journeyMaps, eq(journeyMaps.id, mapTouchpoints.mapId))
      .where(scope),
  ]);
  return { atRisk: rows.map((r) => ({ ...r, missedKpiNames: parseJsonArray(r.missedKpiNames) })), total };
}

/** json columns come back parsed from both drivers; be tolerant of a string anyway. */
function parseJsonArray(value: unknown): string[] {
  if (Array.isArray(value)) return value as string[];
  if (typeof value === "string") return JSON.parse(value) as string[];
  return [];
}
