// Panel "Prioritisation matrix" (issue 13, method): every open or in-progress opportunity in scope
// with its impact and effort (1…5), for an impact × effort scatter; unrated ones are only counted.
import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { journeyMaps, mapTouchpoints, touchpointOpportunities } from "@/db/schema";
import type { TDashboardFilters } from "./filters";
import { touchpointScope } from "./scope";

export type MatrixOpportunity = {
  mapId: string;
  mapTitle: string;
  touchpointId: string;
  touchpoint: string;
  stage: string;
  text: string;
  status: "open" | "in_progress" | "done";
  owner: string;
  impact: number;
  effort: number;
  dueDate: string | null;
};
export type PrioritisationMatrix = {
  /** Rated opportunities, highest impact and lowest effort first (quick wins lead). */
  points: MatrixOpportunity[];
  /** Open or in-progress opportunities in scope that lack impact or effort. */
  unrated: number;
};

const OPEN = ["open", "in_progress"] as const;

export async function getPrioritisationMatrix(db: DbOrTx, workspaceId: string, filters: TDashboardFilters, limit = 300): Promise<PrioritisationMatrix> {
  const scope = and(
    touchpointScope(workspaceId, filters),
    eq(touchpointOpportunities.workspaceId, workspaceId),
    inArray(touchpointOpportunities.status, [...OPEN]),
  );
  const rated = and(isNotNull(touchpointOpportunities.impact), isNotNull(touchpointOpportunities.effort));
  const from = () =>
    db
      .select({
        mapId: touchpointOpportunities.mapId,
        mapTitle: journeyMaps.title,
        touchpointId: touchpointOpportunities.touchpointId,
        touchpoint: mapTouchpoints.title,
        stage: mapTouchpoints.stageName,
        text: touchpointOpportunities.text,
        status: touchpointOpportunities.status,
        owner: sql<string>`coalesce(nullif(${touchpointOpportunities.owner}, ''), ${mapTouchpoints.owner})`,
        impact: sql<number>`${touchpointOpportunities.impact}::int`,
        effort: sql<number>`${touchpointOpportunities.effort}::int`,
        dueDate: touchpointOpportunities.dueDate,
      })
      .from(touchpointOpportunities)
      .innerJoin(mapTouchpoints, and(eq(mapTouchpoints.mapId, touchpointOpportunities.mapId), eq(mapTouchpoints.touchpointId, touchpointOpportunities.touchpointId)))
      .innerJoin(journeyMaps, eq(journeyMaps.id, touchpointOpportunities.mapId));
  const [points, [{ unrated }]] = await Promise.all([
    from()
      .where(and(scope, rated))
      .orderBy(desc(touchpointOpportunities.impact), asc(touchpointOpportunities.effort), asc(journeyMaps.title), asc(mapTouchpoints.position), asc(touchpointOpportunities.position))
      .limit(limit),
    db
      .select({ unrated: sql<number>`count(*)::int` })
      .from(touchpointOpportunities)
      .innerJoin(mapTouchpoints, and(eq(mapTouchpoints.mapId, touchpointOpportunities.mapId), eq(mapTouchpoints.touchpointId, touchpointOpportunities.touchpointId)))
      .innerJoin(journeyMaps, eq(journeyMaps.id, touchpointOpportunities.mapId))
      .where(and(scope, sql`not (${rated})`)),
  ]);
  return { points, unrated };
}

export type Quadrant = "quickWin" | "bigBet" | "fillIn" | "timeSink";
/** High impact is 3 or more; low effort is 2 or less (the matrix splits between 2 and 3). */
export function matrixQuadrant(p: { impact: number; effort: number }): Quadrant {
  const highImpact = p.impact >= 3;
  const lowEffort = p.effort <= 2;
  if (highImpact) return lowEffort ? "quickWin" : "bigBet";
  return lowEffort ? "fillIn" : "timeSink";
}
