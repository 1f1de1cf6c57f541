"use server";
// Comment threads from the UI (the same domain functions as the REST API).
import { z } from "zod";
import { userAction } from "@/lib/actions/safe-action";
import { authorizeCommentDocument } from "@/lib/comments/authorize-comment-document";
import { createComment } from "@/lib/comments/create-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { listComments } from "@/lib/comments/list-comments";
import { updateComment } from "@/lib/comments/update-comment";
import { ZCommentAnchor, ZCommentBody } from "@/lib/validations/comments";
import { actionBaseUrl } from "./action-base-url";

const ZDocRef = z.object({ docKind: z.enum(["map", "persona", "stakeholders"]), docId: z.uuid() });

export const listCommentsAction = userAction(ZDocRef, async (input, { db, userId }) => {
  const { doc, mayComment } = await authorizeCommentDocument(db, userId, input.docKind, input.docId, "read");
  return { threads: await listComments(db, doc, userId), mayComment };
});

export const createCommentAction = userAction(
  ZDocRef.extend({ body: ZCommentBody, anchor: ZCommentAnchor.optional(), parentId: z.uuid().optional() }),
  async (input, { db, userId }) => {
    const { doc } = await authorizeCommentDocument(db, userId, input.docKind, input.docId, "comment");
    const c = await createComment(db, { doc, authorId: userId, body: input.body, anchor: input.anchor, parentId: input.parentId, baseUrl: await actionBaseUrl() });
    return { id: c.id, threadId: c.parentId ?? c.id };
  },
);

export const updateCommentAction = userAction(
  z.object({ commentId: z.uuid(), body: ZCommentBody.optional(), resolved: z.boolean().optional() }),
  async (input, { db, userId }) => {
    const c = await updateComment(db, { userId, commentId: input.commentId, body: input.body, resolved: input.resolved, baseUrl: await actionBaseUrl() });
    return { id: c.id };
  },
);

export const deleteCommentAction = userAction(z.object({ commentId: z.uuid() }), async (input, { db, userId }) => {
  await deleteComment(db, { userId, commentId: input.commentId });
  return null;
});
