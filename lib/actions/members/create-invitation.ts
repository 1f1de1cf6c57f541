"use server";
import { workspaceAction } from "@/lib/actions/safe-action";
import { createInvitation } from "@/lib/members/create-invitation";
import { requestIp, requestOrigin } from "@/lib/server/request-info";
import { ZCreateInvitation } from "@/lib/validations/members";

/** Returns the invitation link once. There is no mail server: the inviter copies it; it is also logged. */
export const createInvitationAction = workspaceAction("manage_members", ZCreateInvitation, async (input, { db, userId, access }) => {
  const { invitation, token } = await createInvitation(db, {
    workspaceId: access.workspaceId, actorId: userId, email: input.email, role: input.role, departmentId: input.departmentId ?? null, ip: await requestIp(),
  });
  const link = `${await requestOrigin()}/invite/${token}`;
  console.log(`Invitation to ${access.slug} for ${invitation.email} (${invitation.role}), valid until ${invitation.expiresAt.toISOString()}: ${link}`);
  return { token, link, email: invitation.email, expiresAt: invitation.expiresAt.toISOString() };
});
