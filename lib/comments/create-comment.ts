// Writes a comment (a new thread or a reply): validates the anchor, resolves mentions (refusing
// strangers before anything is stored), stores it with its notifications and queued e-mails in
// one transaction, then tells everyone with the document open.
import { and, eq, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { comments, type Comment, type CommentAnchorKind } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createNotifications, type NewNotification } from "@/lib/notifications/create-notifications";
import type { TCommentAnchorInput } from "@/lib/validations/comments";
import { broadcastCommentEvent } from "./broadcast-comment-event";
import { anchorFits, documentPath, findAnchorLabel, type CommentAnchor, type CommentDocument } from "./comment-document";
import { parseMentions } from "./mentions";
import { resolveMentions } from "./resolve-mentions";

export type CreateCommentOptions = {
  doc: CommentDocument;
  authorId: string;
  body: string;
  anchor?: TCommentAnchorInput;
  parentId?: string;
  /** For links in e-mails. */
  baseUrl: string;
};

/** The API's anchor object → kind + id. */
export function toAnchor(input: TCommentAnchorInput | undefined): CommentAnchor {
  if (input?.touchpointId) return { kind: "touchpoint", id: input.touchpointId };
  if (input?.stageId) return { kind: "stage", id: input.stageId };
  if (input?.section) return { kind: "section", id: input.section };
  if (input?.stakeholderId) return { kind: "stakeholder", id: input.stakeholderId };
  return { kind: "document", id: null };
}

const EXCERPT = 280;

export async function createComment(db: Database, opts: CreateCommentOptions): Promise<Comment> {
  const { doc, authorId, body } = opts;
  let anchor: CommentAnchor;
  let anchorLabel: string;
  let parent: Comment | null = null;
  if (opts.parentId) {
    // A reply joins its thread (same document; replies to replies join the same thread).
    const [row] = await db
      .select()
      .from(comments)
      .where(and(eq(comments.id, opts.parentId), eq(comments.workspaceId, doc.workspaceId), eq(comments.docKind, doc.kind), eq(comments.docId, doc.id)))
      .limit(1);
    if (!row) throw new AppError("not_found", "The thread you reply to does not exist (any more).");
    parent = row.parentId ? ((await db.select().from(comments).where(eq(comments.id, row.parentId)).limit(1))[0] ?? null) : row;
    if (!parent) throw new AppError("not_found");
    anchor = { kind: parent.anchorKind, id: parent.anchorId };
    anchorLabel = parent.anchorLabel;
  } else {
    anchor = toAnchor(opts.anchor);
    if (!anchorFits(doc.kind, anchor.kind as CommentAnchorKind)) {
      throw new AppError("invalid_input", `A ${doc.kind === "stakeholders" ? "stakeholder map" : doc.kind} has no ${anchor.kind} anchors.`, { anchor: "anchor_invalid" });
    }
    const label = await findAnchorLabel(db, doc, anchor);
    if (label === null) throw new AppError("invalid_input", `This ${anchor.kind} does not exist in the document.`, { anchor: "anchor_not_found" });
    anchorLabel = label;
  }

  const mentions = await resolveMentions(db, doc.workspaceId, parseMentions(body));

  const stored = await db.transaction(async (tx) => {
    const [comment] = await tx
      .insert(comments)
      .values({
        workspaceId: doc.workspaceId, docKind: doc.kind, docId: doc.id, parentId: parent?.id ?? null,
        anchorKind: anchor.kind, anchorId: anchor.id, anchorLabel, authorId, body,
        mentions: { userIds: mentions.userIds, departmentIds: mentions.departmentIds },
      })
      .returning();
    const threadId = parent?.id ?? comment.id;
    const where = anchor.id && anchorLabel ? `${doc.title} › ${anchorLabel}` : doc.title;
    const base = {
      workspaceId: doc.workspaceId, actorId: authorId, docKind: doc.kind, docId: doc.id, anchorKind: anchor.kind, anchorId: anchor.id,
      commentId: comment.id, title: where, excerpt: body.length > EXCERPT ? `${body.slice(0, EXCERPT - 1)}…` : body,
      path: documentPath(doc, anchor, threadId),
    };
    const rows: NewNotification[] = [];
    const notified = new Set<string>([authorId]);
    for (const userId of mentions.recipientIds) {
      if (notified.has(userId)) continue;
      notified.add(userId);
      rows.push({ ...base, userId, kind: "mention" });
    }
    if (parent) {
      // Everyone who wrote in the thread hears about the reply (unless already told by a mention).
      const participants = await tx
        .selectDistinct({ authorId: comments.authorId })
        .from(comments)
        .where(and(or(eq(comments.id, parent.id), eq(comments.parentId, parent.id)), eq(comments.workspaceId, doc.workspaceId)));
      for (const p of participants) {
        if (!p.authorId || notified.has(p.authorId)) continue;
        notified.add(p.authorId);
        rows.push({ ...base, userId: p.authorId, kind: "reply" });
      }
    }
    await createNotifications(tx, rows, { baseUrl: opts.baseUrl });
    return comment;
  });
  broadcastCommentEvent(doc.docName, { type: "comment", action: "created", commentId: stored.id, threadId: stored.parentId ?? stored.id, authorId });
  return stored;
}
