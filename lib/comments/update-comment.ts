// Edits a comment's text (its author only) or resolves / reopens its thread (anyone who may
// comment). An edit re-reads mentions: newly mentioned people are notified, strangers refused.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { comments, type Comment } from "@/db/schema";
import { findAccessById } from "@/db/queries/memberships";
import { canComment } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { createNotifications } from "@/lib/notifications/create-notifications";
import { broadcastCommentEvent } from "./broadcast-comment-event";
import { documentPath, findCommentDocument } from "./comment-document";
import { getDiscussionSettings } from "./discussion-settings";
import { parseMentions } from "./mentions";
import { resolveMentions } from "./resolve-mentions";

/** A comment by id through the caller's membership: another workspace's comment is not found. */
export async function loadCommentForCaller(db: Database, userId: string, commentId: string) {
  const [comment] = await db.select().from(comments).where(eq(comments.id, commentId)).limit(1);
  if (!comment) throw new AppError("not_found");
  const access = await findAccessById(db, userId, comment.workspaceId);
  if (!access) throw new AppError("not_found");
  // The document must still exist (a deleted map's threads go with it).
  const doc = await findCommentDocument(db, comment.docKind, comment.docId);
  const settings = await getDiscussionSettings(db, comment.workspaceId);
  return { comment, access, doc, mayComment: canComment(access.role, settings.viewersMayComment) };
}

export async function updateComment(
  db: Database,
  { userId, commentId, body, resolved, baseUrl }: { userId: string; commentId: string; body?: string; resolved?: boolean; baseUrl: string },
): Promise<Comment> {
  const { comment, doc, mayComment } = await loadCommentForCaller(db, userId, commentId);
  if (!mayComment) throw new AppError("forbidden");
  if (body !== undefined && comment.authorId !== userId) throw new AppError("forbidden", "Only the author may edit a comment.");
  const threadId = comment.parentId ?? comment.id;

  const updated = await db.transaction(async (tx) => {
    let row = comment;
    if (body !== undefined && body !== comment.body) {
      const mentions = await resolveMentions(tx, comment.workspaceId, parseMentions(body));
      [row] = await tx
        .update(comments)
        .set({ body, editedAt: new Date(), mentions: { userIds: mentions.userIds, departmentIds: mentions.departmentIds } })
        .where(and(eq(comments.id, comment.id), eq(comments.workspaceId, comment.workspaceId)))
        .returning();
      const before = new Set(comment.mentions.userIds);
      const beforeDepartments = new Set(comment.mentions.departmentIds);
      // Only people newly mentioned by the edit (directly or by a newly mentioned department).
      const fresh = mentions.departmentIds.some((d) => !beforeDepartments.has(d)) || mentions.userIds.some((u) => !before.has(u));
      if (fresh) {
        const old = await resolveMentions(tx, comment.workspaceId, parseMentions(comment.body)).catch(() => ({ recipientIds: [] as string[] }));
        const already = new Set([...old.recipientIds, userId]);
        const anchor = { kind: comment.anchorKind, id: comment.anchorId };
        await createNotifications(
          tx,
          mentions.recipientIds.filter((id) => !already.has(id)).map((recipient) => ({
            workspaceId: comment.workspaceId, userId: recipient, kind: "mention" as const, actorId: userId,
            docKind: comment.docKind, docId: comment.docId, anchorKind: comment.anchorKind, anchorId: comment.anchorId, commentId: comment.id,
            title: comment.anchorId && comment.anchorLabel ? `${doc.title} › ${comment.anchorLabel}` : doc.title,
            excerpt: body.slice(0, 280), path: documentPath(doc, anchor, threadId),
          })),
          { baseUrl },
        );
      }
    }
    if (resolved !== undefined) {
      // Resolution belongs to the thread: it is stored on its first comment.
      const [root] = await tx
        .update(comments)
        .set(resolved ? { resolvedAt: new Date(), resolvedBy: userId } : { resolvedAt: null, resolvedBy: null })
        .where(and(eq(comments.id, threadId), eq(comments.workspaceId, comment.workspaceId)))
        .returning();
      if (root.id === row.id) row = root;
    }
    return row;
  });
  broadcastCommentEvent(doc.docName, { type: "comment", action: "updated", commentId: comment.id, threadId, authorId: comment.authorId });
  return updated;
}
