"use server";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { revokeShareLink } from "@/lib/sharing/revoke-share-link";

/** Revokes a link of this workspace (editors): 404 from now on, open shared views close. */
export const revokeShareLinkAction = workspaceAction("edit", z.object({ linkId: z.uuid() }), async (input, { db, userId, access }) => {
  const target = await revokeShareLink(db, { workspaceId: access.workspaceId, linkId: input.linkId });
  await recordAuditEvent(db, { action: "share_link.revoked", actorId: userId, workspaceId: access.workspaceId, targetType: target.kind, targetId: target.docId, metadata: { linkId: input.linkId } });
  return { ok: true };
});
