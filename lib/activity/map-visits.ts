// "What changed since I last looked": when a user opens a map, the touchpoints others changed
// since their previous visit are highlighted (until seen), and the visit is recorded.
import { and, eq, gt, ne, or, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { documentVisits, mapActivity } from "@/db/schema";

/** Records this visit; returns the touchpoint ids others changed (added, moved, edited) since the previous one. */
export async function recordMapVisit(db: DbOrTx, { workspaceId, mapId, userId }: { workspaceId: string; mapId: string; userId: string }): Promise<string[]> {
  const now = new Date();
  const [previous] = await db
    .select({ visitedAt: documentVisits.visitedAt })
    .from(documentVisits)
    .where(and(eq(documentVisits.userId, userId), eq(documentVisits.mapId, mapId)))
    .limit(1);
  await db
    .insert(documentVisits)
    .values({ userId, mapId, visitedAt: now })
    .onConflictDoUpdate({ target: [documentVisits.userId, documentVisits.mapId], set: { visitedAt: now } });
  // First visit: everything is new, nothing to single out.
  if (!previous) return [];
  const rows = await db
    .selectDistinct({ touchpointId: mapActivity.touchpointId })
    .from(mapActivity)
    .where(
      and(
        eq(mapActivity.mapId, mapId),
        eq(mapActivity.workspaceId, workspaceId),
        gt(mapActivity.createdAt, previous.visitedAt),
        ne(mapActivity.kind, "touchpoint_removed"),
        or(isNull(mapActivity.actorId), ne(mapActivity.actorId, userId)),
      ),
    )
    .limit(2000);
  return rows.map((r) => r.touchpointId);
}
