// A document's comment threads, oldest first, each with its replies, authors, resolution, whether
// its anchor still exists ("on a removed touchpoint") and whether it mentions the reader.
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { comments, mapStages, mapTouchpoints, memberships, stakeholders, users, type CommentAnchorKind } from "@/db/schema";
import { PERSONA_SECTIONS, type CommentDocument } from "./comment-document";

export type CommentView = {
  id: string;
  body: string;
  authorId: string | null;
  authorName: string | null;
  authorEmail: string | null;
  createdAt: string;
  editedAt: string | null;
};

export type ThreadView = CommentView & {
  anchor: { kind: CommentAnchorKind; id: string | null; label: string; removed: boolean };
  resolvedAt: string | null;
  resolvedBy: string | null;
  mentionsMe: boolean;
  replies: CommentView[];
};

export async function listComments(db: DbOrTx, doc: CommentDocument, readerId: string): Promise<ThreadView[]> {
  const rows = await db
    .select({ c: comments, authorName: users.name, authorEmail: users.email })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(and(eq(comments.workspaceId, doc.workspaceId), eq(comments.docKind, doc.kind), eq(comments.docId, doc.id)))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  const [reader] = await db
    .select({ departmentId: memberships.departmentId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, doc.workspaceId), eq(memberships.userId, readerId)))
    .limit(1);
  const existing = await existingAnchors(db, doc);
  const view = (r: (typeof rows)[number]): CommentView => ({
    id: r.c.id, body: r.c.body, authorId: r.c.authorId, authorName: r.authorName, authorEmail: r.authorEmail,
    createdAt: r.c.createdAt.toISOString(), editedAt: r.c.editedAt?.toISOString() ?? null,
  });
  const mentions = (r: (typeof rows)[number]) =>
    r.c.mentions.userIds.includes(readerId) || Boolean(reader?.departmentId && r.c.mentions.departmentIds.includes(reader.departmentId));
  const threads = new Map<string, ThreadView>();
  for (const r of rows) {
    if (r.c.parentId) continue;
    const removed = r.c.anchorKind !== "document" && r.c.anchorId !== null && !existing.has(`${r.c.anchorKind}:${r.c.anchorId}`);
    threads.set(r.c.id, {
      ...view(r),
      anchor: { kind: r.c.anchorKind, id: r.c.anchorId, label: r.c.anchorLabel, removed },
      resolvedAt: r.c.resolvedAt?.toISOString() ?? null,
      resolvedBy: r.c.resolvedBy,
      mentionsMe: mentions(r),
      replies: [],
    });
  }
  for (const r of rows) {
    if (!r.c.parentId) continue;
    const thread = threads.get(r.c.parentId);
    if (!thread) continue;
    thread.replies.push(view(r));
    if (mentions(r)) thread.mentionsMe = true;
  }
  return [...threads.values()];
}

/** `kind:id` of every anchor that exists in the document's projection now. */
async function existingAnchors(db: DbOrTx, doc: CommentDocument): Promise<Set<string>> {
  const set = new Set<string>();
  if (doc.kind === "map") {
    const [tps, sts] = await Promise.all([
      db.select({ id: mapTouchpoints.touchpointId }).from(mapTouchpoints).where(eq(mapTouchpoints.mapId, doc.id)),
      db.select({ id: mapStages.stageId }).from(mapStages).where(eq(mapStages.mapId, doc.id)),
    ]);
    for (const t of tps) set.add(`touchpoint:${t.id}`);
    for (const s of sts) set.add(`stage:${s.id}`);
  } else if (doc.kind === "persona") {
    for (const s of PERSONA_SECTIONS) set.add(`section:${s}`);
  } else {
    const rows = await db.select({ id: stakeholders.stakeholderId }).from(stakeholders).where(eq(stakeholders.stakeholderMapId, doc.id));
    for (const r of rows) set.add(`stakeholder:${r.id}`);
  }
  return set;
}
