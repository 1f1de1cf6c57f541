"use server";
import { workspaceAction } from "@/lib/actions/safe-action";
import { refreshMemberConnections } from "@/lib/members/refresh-member-connections";
import { removeMember } from "@/lib/members/remove-member";
import { requestIp } from "@/lib/server/request-info";
import { ZRemoveMember } from "@/lib/validations/members";

export const removeMemberAction = workspaceAction("manage_members", ZRemoveMember, async (input, { db, userId, access }) => {
  await removeMember(db, { workspaceId: access.workspaceId, actorId: userId, userId: input.userId, ip: await requestIp() });
  await refreshMemberConnections(access.workspaceId, input.userId);
  return null;
});
