// Workspace home: open and in-progress optimisation ideas owned by me — by my name or e-mail in the
// opportunity's (or else its touchpoint's) owner field — or by my department.
import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { journeyMaps, mapTouchpoints, touchpointOpportunities } from "@/db/schema";

export type MyOpportunity = {
  mapId: string;
  mapTitle: string;
  touchpointId: string;
  touchpoint: string;
  stage: string;
  text: string;
  status: "open" | "in_progress" | "done";
  owner: string;
  department: string;
  emotion: number | null;
};

export type MyOpportunitiesOptions = { name: string | null; email: string; department: string | null; limit?: number };

export async function getMyOpenOpportunities(
  db: DbOrTx,
  workspaceId: string,
  { name, email, department, limit = 8 }: MyOpportunitiesOptions,
): Promise<{ items: MyOpportunity[]; total: number }> {
  const owner = sql`lower(trim(coalesce(nullif(${touchpointOpportunities.owner}, ''), ${mapTouchpoints.owner})))`;
  const dept = sql`coalesce(nullif(${touchpointOpportunities.department}, ''), ${mapTouchpoints.department})`;
  const mine: SQL[] = [sql`${owner} = ${email.toLowerCase()}`];
  if (name?.trim()) mine.push(sql`${owner} = ${name.trim().toLowerCase()}`);
  if (department) mine.push(sql`${dept} = ${department}`);
  const where = and(
    eq(journeyMaps.workspaceId, workspaceId),
    isNull(journeyMaps.deletedAt),
    eq(touchpointOpportunities.workspaceId, workspaceId),
    inArray(touchpointOpportunities.status, ["open", "in_progress"]),
    or(...mine),
  );
  const [items, [{ total }]] = await Promise.all([
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
        department: sql<string>`${dept}`,
        emotion: mapTouchpoints.emotion,
      })
      .from(touchpointOpportunities)
      .innerJoin(mapTouchpoints, and(eq(mapTouchpoints.mapId, touchpointOpportunities.mapId), eq(mapTouchpoints.touchpointId, touchpointOpportunities.touchpointId)))
      .innerJoin(journeyMaps, eq(journeyMaps.id, touchpointOpportunities.mapId))
      .where(where)
      // In progress first (finish what was started), then the most painful touchpoints.
      .orderBy(desc(sql`${touchpointOpportunities.status} = 'in_progress'`), sql`${mapTouchpoints.emotion} asc nulls last`, asc(journeyMaps.title), asc(mapTouchpoints.position))
      .limit(limit),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(touchpointOpportunities)
      .innerJoin(mapTouchpoints, and(eq(mapTouchpoints.mapId, touchpointOpportunities.mapId), eq(mapTouchpoints.touchpointId, touchpointOpportunities.touchpointId)))
      .innerJoin(journeyMaps, eq(journeyMaps.id, touchpointOpportunities.mapId))
      .where(where),
  ]);
  return { items, total };
}
