// Deletes a comment: its author, or an admin/owner of the workspace. Deleting a thread's first
// comment deletes the thread (its replies go with it).
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { comments } from "@/db/schema";
import { can } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { broadcastCommentEvent } from "./broadcast-comment-event";
import { loadCommentForCaller } from "./update-comment";

export async function deleteComment(db: Database, { userId, commentId }: { userId: string; commentId: string }): Promise<void> {
  const { comment, access, doc } = await loadCommentForCaller(db, userId, commentId);
  const isAdmin = can(access.role, "manage_members");
  if (comment.authorId !== userId && !isAdmin) throw new AppError("forbidden", "Only the author or an admin may delete a comment.");
  await db.delete(comments).where(and(eq(comments.id, comment.id), eq(comments.workspaceId, comment.workspaceId)));
  broadcastCommentEvent(doc.docName, { type: "comment", action: "deleted", commentId: comment.id, threadId: comment.parentId ?? comment.id, authorId: comment.authorId });
}
