// A map's activity feed, newest first: touchpoint changes grouped per person per ten minutes
// ("Ben added 2, edited 3 touchpoints"), plus comments, reviews and saved versions.
import { and, desc, eq, gte } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { comments, mapActivity, mapReviews, mapVersions, users, type MapActivityKind } from "@/db/schema";

const GROUP_MS = 10 * 60 * 1000;

export type ActivityEntry =
  | {
      type: "touchpoints";
      actorId: string | null;
      actorName: string | null;
      at: string;
      /** Start of the ten-minute group (the oldest change in it). */
      since: string;
      changes: { kind: MapActivityKind; touchpointId: string; title: string }[];
    }
  | { type: "comment"; actorId: string | null; actorName: string | null; at: string; commentId: string; threadId: string; excerpt: string; anchorLabel: string }
  | { type: "review"; actorId: string | null; actorName: string | null; at: string; note: string }
  | { type: "version"; actorId: string | null; actorName: string | null; at: string; label: string; versionId: string };

export async function getMapActivity(
  db: DbOrTx,
  { workspaceId, mapId, since, limit = 100 }: { workspaceId: string; mapId: string; since?: Date; limit?: number },
): Promise<ActivityEntry[]> {
  const after = since ?? new Date(Date.now() - 90 * 86_400_000);
  const name = (n: string | null, e: string | null) => n ?? e ?? null;
  const [changes, commentRows, reviews, versions] = await Promise.all([
    db
      .select({ a: mapActivity, name: users.name, email: users.email })
      .from(mapActivity)
      .leftJoin(users, eq(users.id, mapActivity.actorId))
      .where(and(eq(mapActivity.mapId, mapId), eq(mapActivity.workspaceId, workspaceId), gte(mapActivity.createdAt, after)))
      .orderBy(desc(mapActivity.createdAt), desc(mapActivity.id))
      .limit(2000),
    db
      .select({ c: comments, name: users.name, email: users.email })
      .from(comments)
      .leftJoin(users, eq(users.id, comments.authorId))
      .where(and(eq(comments.workspaceId, workspaceId), eq(comments.docKind, "map"), eq(comments.docId, mapId), gte(comments.createdAt, after)))
      .orderBy(desc(comments.createdAt))
      .limit(limit),
    db
      .select({ r: mapReviews, name: users.name, email: users.email })
      .from(mapReviews)
      .leftJoin(users, eq(users.id, mapReviews.reviewerId))
      .where(and(eq(mapReviews.mapId, mapId), eq(mapReviews.workspaceId, workspaceId), gte(mapReviews.createdAt, after)))
      .orderBy(desc(mapReviews.createdAt))
      .limit(limit),
    db
      .select({ id: mapVersions.id, label: mapVersions.label, createdBy: mapVersions.createdBy, createdAt: mapVersions.createdAt, name: users.name, email: users.email })
      .from(mapVersions)
      .leftJoin(users, eq(users.id, mapVersions.createdBy))
      .where(and(eq(mapVersions.mapId, mapId), eq(mapVersions.workspaceId, workspaceId), gte(mapVersions.createdAt, after)))
      .orderBy(desc(mapVersions.createdAt))
      .limit(limit),
  ]);

  const entries: ActivityEntry[] = [];
  // Newest first: a group collects one person's changes while they stay within ten minutes of its newest.
  let group: Extract<ActivityEntry, { type: "touchpoints" }> | null = null;
  let groupNewest = 0;
  for (const { a, name: n, email } of changes) {
    const at = a.createdAt.getTime();
    if (!group || group.actorId !== a.actorId || groupNewest - at > GROUP_MS) {
      group = { type: "touchpoints", actorId: a.actorId, actorName: name(n, email), at: a.createdAt.toISOString(), since: a.createdAt.toISOString(), changes: [] };
      groupNewest = at;
      entries.push(group);
    }
    group.since = a.createdAt.toISOString();
    // One line per touchpoint and kind within a group (typing makes many edits).
    if (!group.changes.some((c) => c.touchpointId === a.touchpointId && c.kind === a.kind)) {
      group.changes.push({ kind: a.kind, touchpointId: a.touchpointId, title: a.title });
    }
  }
  for (const { c, name: n, email } of commentRows) {
    entries.push({
      type: "comment", actorId: c.authorId, actorName: name(n, email), at: c.createdAt.toISOString(), commentId: c.id,
      threadId: c.parentId ?? c.id, excerpt: c.body.slice(0, 200), anchorLabel: c.anchorLabel,
    });
  }
  for (const { r, name: n, email } of reviews) entries.push({ type: "review", actorId: r.reviewerId, actorName: name(n, email), at: r.createdAt.toISOString(), note: r.note });
  for (const v of versions) entries.push({ type: "version", actorId: v.createdBy, actorName: name(v.name, v.email), at: v.createdAt.toISOString(), label: v.label, versionId: v.id });
  entries.sort((x, y) => (x.at < y.at ? 1 : x.at > y.at ? -1 : 0));
  return entries.slice(0, limit);
}
