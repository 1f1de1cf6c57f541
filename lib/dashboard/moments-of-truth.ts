// Panel "Moments of truth at risk": moments of truth where customers feel bad or a KPI misses its target.
import { and, asc, desc, eq, or, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { journeyMaps, mapTouchpoints, touchpointKpis } from "@/db/schema";
import type { TDashboardFilters } from "./filters";
import { touchpointScope } from "./scope";
import { touchpointRefColumns, type TouchpointRef } from "./worst-touchpoints";

export type MomentOfTruthAtRisk = TouchpointRef & { kpis: number; missedKpis: number; missedKpiNames: string[] };
export type MomentsOfTruth = { atRisk: MomentOfTruthAtRisk[]; /** All moments of truth in scope. */ total: number };

const kpiOf = sql`${touchpointKpis.mapId} = ${mapTouchpoints.mapId} and ${touchpointKpis.touchpointId} = ${mapTouchpoints.touchpointId}`;

/** Moments of truth with emotion < 0 or at least one KPI off target; worst emotion, then most missed KPIs first. */
export async function getMomentsOfTruthAtRisk(db: DbOrTx, workspaceId: string, filters: TDashboardFilters, limit = 50): Promise<MomentsOfTruth> {
  const scope = and(touchpointScope(workspaceId, filters), eq(mapTouchpoints.momentOfTruth, true));
  const missed = sql<number>`(select count(*)::int from ${touchpointKpis} where ${kpiOf} and ${touchpointKpis.onTarget} = false)`;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        ...touchpointRefColumns,
        kpis: sql<number>`(select count(*)::int from ${touchpointKpis} where ${kpiOf})`,
        missedKpis: missed,
        missedKpiNames: sql<string[]>`coalesce((select json_agg(${touchpointKpis.name} order by ${touchpointKpis.position}) from ${touchpointKpis} where ${kpiOf} and ${touchpointKpis.onTarget} = false), '[]'::json)`,
      })
      .from(mapTouchpoints)
      .innerJoin(journeyMaps, eq(journeyMaps.id, mapTouchpoints.mapId))
      .where(and(scope, or(lt(mapTouchpoints.emotion, 0), sql`${missed} > 0`)))
      .orderBy(sql`${mapTouchpoints.emotion} asc nulls last`, desc(missed), asc(journeyMaps.title), asc(mapTouchpoints.position))
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
