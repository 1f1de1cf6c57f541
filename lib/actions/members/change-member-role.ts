"use server";
import { workspaceAction } from "@/lib/actions/safe-action";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { refreshMemberConnections } from "@/lib/members/refresh-member-connections";
import { requestIp } from "@/lib/server/request-info";
import { ZChangeMemberRole } from "@/lib/validations/members";

export const changeMemberRoleAction = workspaceAction("manage_members", ZChangeMemberRole, async (input, { db, userId, access }) => {
  const result = await changeMemberRole(db, { workspaceId: access.workspaceId, actorId: userId, userId: input.userId, role: input.role, ip: await requestIp() });
  if (result.changed) await refreshMemberConnections(access.workspaceId, input.userId);
  return result;
});
