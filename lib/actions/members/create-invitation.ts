"use server";
import { workspaceAction } from "@/lib/actions/safe-action";
import { createInvitation } from "@/lib/members/create-invitation";
import { requestIp, requestOrigin } from "@/lib/server/request-info";
import { ZCreateInvitation } from "@/lib/validations/members";

/** Mails the invitation and returns its link once (for copying); the link is never logged. */
export const createInvitationAction = workspaceAction("manage_members", ZCreateInvitation, async (input, { db, userId, access }) => {
  const { invitation, token } = await createInvitation(db, {
    workspaceId: access.workspaceId, actorId: userId, email: input.email, role: input.role, departmentId: input.departmentId ?? null,
    anyoneWithLink: input.anyoneWithLink ?? false, origin: await requestOrigin(), ip: await requestIp(),
  });
  const link = `${await requestOrigin()}/invite/${token}`;
  return { token, link, email: invitation.email, expiresAt: invitation.expiresAt.toISOString() };
});
