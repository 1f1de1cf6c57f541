// Who may read and write comments on a document: members of its workspace read; editors and up
// write, and viewers too unless the workspace turned viewer comments off. Another workspace's
// document (or a deleted one) is not found.
import type { DbOrTx } from "@/db/client";
import type { CommentDocKind } from "@/db/schema";
import { findAccessById, type WorkspaceAccess } from "@/db/queries/memberships";
import { canComment } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { findCommentDocument, type CommentDocument } from "./comment-document";
import { getDiscussionSettings, type DiscussionSettings } from "./discussion-settings";

export type CommentAccess = { doc: CommentDocument; access: WorkspaceAccess; settings: DiscussionSettings; mayComment: boolean };

export async function authorizeCommentDocument(
  db: DbOrTx,
  userId: string,
  kind: CommentDocKind,
  id: string,
  need: "read" | "comment",
): Promise<CommentAccess> {
  const doc = await findCommentDocument(db, kind, id);
  const access = await findAccessById(db, userId, doc.workspaceId);
  if (!access) throw new AppError("not_found");
  const settings = await getDiscussionSettings(db, doc.workspaceId);
  const mayComment = canComment(access.role, settings.viewersMayComment);
  if (need === "comment" && !mayComment) throw new AppError("forbidden", "Viewers may not comment in this workspace.");
  return { doc, access, settings, mayComment };
}
