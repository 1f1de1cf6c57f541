"use server";
import { workspaceAction } from "@/lib/actions/safe-action";
import { revokeInvitation } from "@/lib/members/revoke-invitation";
import { requestIp } from "@/lib/server/request-info";
import { ZInvitationRef } from "@/lib/validations/members";

export const revokeInvitationAction = workspaceAction("manage_members", ZInvitationRef, async (input, { db, userId, access }) => {
  await revokeInvitation(db, { workspaceId: access.workspaceId, actorId: userId, invitationId: input.invitationId, ip: await requestIp() });
  return null;
});
