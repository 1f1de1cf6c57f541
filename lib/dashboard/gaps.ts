// Panel "Gaps": open (unhandled) gaps by kind, and department hand-overs — who hands customers to whom.
import { and, eq, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { gapKindEnum, journeyMaps, mapGaps, mapTouchpoints } from "@/db/schema";
import type { TDashboardFilters } from "./filters";
import { mapScope, round2 } from "./scope";

export type GapKind = (typeof gapKindEnum.enumValues)[number];
export type GapKindRow = { kind: GapKind; open: number; maps: number };
export type HandoverRow = {
  from: string;
  to: string;
  open: number;
  maps: number;
  /** Average emotion at the receiving touchpoints: how customers feel after the hand-over. */
  avgEmotionAfter: number | null;
};
export type GapsPanel = { byKind: GapKindRow[]; handovers: HandoverRow[]; total: number };

const fromTp = alias(mapTouchpoints, "gap_from");
const toTp = alias(mapTouchpoints, "gap_to");

/**
 * Open gaps in scope. A gap passes the department or stage filter when either side of it
 * (the touchpoint before or after the transition) does.
 */
export async function getGaps(db: DbOrTx, workspaceId: string, filters: TDashboardFilters): Promise<GapsPanel> {
  const needsFrom = Boolean(filters.department || filters.stage);
  const scope = and(
    mapScope(workspaceId, filters),
    eq(mapGaps.workspaceId, workspaceId),
    eq(mapGaps.handled, false),
    filters.department ? or(eq(fromTp.department, filters.department), eq(toTp.department, filters.department)) : undefined,
    filters.stage ? or(eq(fromTp.stageName, filters.stage), eq(toTp.stageName, filters.stage)) : undefined,
  );
  // One pass over the gaps: per map and (for hand-overs) department pair, then summed up. Grouping per
  // map first makes "in how many maps" a plain count instead of a sorting count(distinct).
  const fromValue = sql<string | null>`case when ${mapGaps.kind} = 'department' then ${mapGaps.fromValue} end`;
  const toValue = sql<string | null>`case when ${mapGaps.kind} = 'department' then ${mapGaps.toValue} end`;
  let perMapQuery = db
    .select({
      kind: sql<GapKind>`${mapGaps.kind}`.as("kind"),
      fromValue: fromValue.as("from_value"),
      toValue: toValue.as("to_value"),
      n: sql<number>`count(*)::int`.as("n"),
      emotionSum: sql<number>`coalesce(sum(${toTp.emotion}), 0)::int`.as("emotion_sum"),
      emotionCount: sql<number>`count(${toTp.emotion})::int`.as("emotion_count"),
      // 1 on exactly one group per (kind, map): summed over a kind's pairs it counts distinct maps.
      firstOfMap: sql<number>`(case when row_number() over (partition by ${mapGaps.kind}, ${mapGaps.mapId}) = 1 then 1 else 0 end)`.as("first_of_map"),
    })
    .from(mapGaps)
    .innerJoin(journeyMaps, eq(journeyMaps.id, mapGaps.mapId))
    .leftJoin(toTp, and(eq(toTp.mapId, mapGaps.mapId), eq(toTp.touchpointId, mapGaps.toTouchpointId)))
    .$dynamic();
  if (needsFrom) perMapQuery = perMapQuery.leftJoin(fromTp, and(eq(fromTp.mapId, mapGaps.mapId), eq(fromTp.touchpointId, mapGaps.fromTouchpointId)));
  const perMap = perMapQuery.where(scope).groupBy(mapGaps.kind, fromValue, toValue, mapGaps.mapId).as("per_map");
  const rows = await db
    .select({
      kind: perMap.kind,
      from: perMap.fromValue,
      to: perMap.toValue,
      open: sql<number>`sum(${perMap.n})::int`,
      maps: sql<number>`count(*)::int`,
      emotionSum: sql<number>`sum(${perMap.emotionSum})::int`,
      emotionCount: sql<number>`sum(${perMap.emotionCount})::int`,
      kindMaps: sql<number>`sum(${perMap.firstOfMap})::int`,
    })
    .from(perMap)
    .groupBy(perMap.kind, perMap.fromValue, perMap.toValue);

  const byKind = gapKindEnum.enumValues
    .map((kind) => {
      const own = rows.filter((r) => r.kind === kind);
      return { kind, open: own.reduce((s, r) => s + r.open, 0), maps: own.reduce((s, r) => s + r.kindMaps, 0) };
    })
    .sort((a, b) => b.open - a.open);
  const handovers = rows
    .filter((r) => r.kind === "department")
    .map((r) => ({
      from: r.from ?? "",
      to: r.to ?? "",
      open: r.open,
      maps: r.maps,
      avgEmotionAfter: r.emotionCount ? round2(r.emotionSum / r.emotionCount) : null,
    }))
    .sort((a, b) => b.open - a.open || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  return { byKind, handovers, total: byKind.reduce((s, k) => s + k.open, 0) };
}
