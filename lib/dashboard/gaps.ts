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
  const scope = and(
    mapScope(workspaceId, filters),
    eq(mapGaps.workspaceId, workspaceId),
    eq(mapGaps.handled, false),
    filters.department ? or(eq(fromTp.department, filters.department), eq(toTp.department, filters.department)) : undefined,
    filters.stage ? or(eq(fromTp.stageName, filters.stage), eq(toTp.stageName, filters.stage)) : undefined,
  );
  const base = () =>
    db
      .select({
        kind: mapGaps.kind,
        from: mapGaps.fromValue,
        to: mapGaps.toValue,
        open: sql<number>`count(*)::int`,
        maps: sql<number>`count(distinct ${mapGaps.mapId})::int`,
        avgEmotionAfter: sql<number | null>`avg(${toTp.emotion})::float8`,
      })
      .from(mapGaps)
      .innerJoin(journeyMaps, eq(journeyMaps.id, mapGaps.mapId))
      .leftJoin(fromTp, and(eq(fromTp.mapId, mapGaps.mapId), eq(fromTp.touchpointId, mapGaps.fromTouchpointId)))
      .leftJoin(toTp, and(eq(toTp.mapId, mapGaps.mapId), eq(toTp.touchpointId, mapGaps.toTouchpointId)));
  const [kinds, handovers] = await Promise.all([
    db
      .select({ kind: mapGaps.kind, open: sql<number>`count(*)::int`, maps: sql<number>`count(distinct ${mapGaps.mapId})::int` })
      .from(mapGaps)
      .innerJoin(journeyMaps, eq(journeyMaps.id, mapGaps.mapId))
      .leftJoin(fromTp, and(eq(fromTp.mapId, mapGaps.mapId), eq(fromTp.touchpointId, mapGaps.fromTouchpointId)))
      .leftJoin(toTp, and(eq(toTp.mapId, mapGaps.mapId), eq(toTp.touchpointId, mapGaps.toTouchpointId)))
      .where(scope)
      .groupBy(mapGaps.kind),
    base()
      .where(and(scope, eq(mapGaps.kind, "department")))
      .groupBy(mapGaps.kind, mapGaps.fromValue, mapGaps.toValue),
  ]);
  const byKind = gapKindEnum.enumValues
    .map((kind) => kinds.find((k) => k.kind === kind) ?? { kind, open: 0, maps: 0 })
    .sort((a, b) => b.open - a.open);
  return {
    byKind,
    handovers: handovers
      .map(({ from, to, open, maps, avgEmotionAfter }) => ({ from, to, open, maps, avgEmotionAfter: round2(avgEmotionAfter) }))
      .sort((a, b) => b.open - a.open || a.from.localeCompare(b.from) || a.to.localeCompare(b.to)),
    total: kinds.reduce((sum, k) => sum + k.open, 0),
  };
}
