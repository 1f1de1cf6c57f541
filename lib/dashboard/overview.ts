// The dashboard's headline figures: how much is in scope and how customers feel overall.
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { journeyMaps, mapTouchpoints } from "@/db/schema";
import type { TDashboardFilters } from "./filters";
import { mapScopeWithContent, round2, touchpointScope } from "./scope";
import type { TouchpointSummaryRow } from "./touchpoint-summary";

export type Overview = { maps: number; touchpoints: number; rated: number; avgEmotion: number | null; momentsOfTruth: number; negative: number };

/** The overview from the shared touchpoint summary (its grand total) plus the maps in scope. */
export async function getOverviewFromSummary(db: DbOrTx, workspaceId: string, filters: TDashboardFilters, summary: Promise<TouchpointSummaryRow[]>): Promise<Overview> {
  const [rows, [maps]] = await Promise.all([
    summary,
    db.select({ n: sql<number>`count(*)::int` }).from(journeyMaps).where(mapScopeWithContent(workspaceId, filters)),
  ]);
  const total = rows.find((r) => r.level === 3);
  return {
    maps: maps.n,
    touchpoints: total?.touchpoints ?? 0,
    rated: total?.rated ?? 0,
    avgEmotion: round2(total?.avg ?? null),
    momentsOfTruth: total?.momentsOfTruth ?? 0,
    negative: total?.negative ?? 0,
  };
}

/** Maps in scope (a map counts even without touchpoints), touchpoints, average emotion, moments of truth. */
export async function getOverview(db: DbOrTx, workspaceId: string, filters: TDashboardFilters): Promise<Overview> {
  const [[row], [maps]] = await Promise.all([
    db
    .select({
      touchpoints: sql<number>`count(*)::int`,
      rated: sql<number>`count(${mapTouchpoints.emotion})::int`,
      avgEmotion: sql<number | null>`avg(${mapTouchpoints.emotion})::float8`,
      momentsOfTruth: sql<number>`count(*) filter (where ${mapTouchpoints.momentOfTruth})::int`,
      negative: sql<number>`count(*) filter (where ${mapTouchpoints.emotion} < 0)::int`,
    })
    .from(mapTouchpoints)
    .innerJoin(journeyMaps, eq(journeyMaps.id, mapTouchpoints.mapId))
    .where(touchpointScope(workspaceId, filters)),
    db.select({ n: sql<number>`count(*)::int` }).from(journeyMaps).where(mapScopeWithContent(workspaceId, filters)),
  ]);
  return { maps: maps.n, ...row, avgEmotion: round2(row.avgEmotion) };
}
