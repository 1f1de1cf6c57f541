// DELETE /api/v1/share-links/{id} — revoke a share link (editors of its workspace); the link answers
// 404 from now on and open shared views close
import { apiRoute, requireWorkspaceById } from "@/lib/api/route";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { findShareLinkById, revokeShareLink } from "@/lib/sharing/revoke-share-link";

export const DELETE = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
  const link = await findShareLinkById(db, params.id);
  if (!link || link.revokedAt) throw new AppError("not_found");
  await requireWorkspaceById(db, caller, link.workspaceId, "edit");
  const target = await revokeShareLink(db, { workspaceId: link.workspaceId, linkId: link.id });
  await recordAuditEvent(db, { action: "share_link.revoked", actorId: caller.userId, workspaceId: link.workspaceId, targetType: target.kind, targetId: target.docId, metadata: { linkId: link.id } });
  return new Response(null, { status: 204 });
});
