"use server";
// Any member may leave a workspace (except its last owner).
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { refreshMemberConnections } from "@/lib/members/refresh-member-connections";
import { removeMember } from "@/lib/members/remove-member";
import { requestIp } from "@/lib/server/request-info";

export const leaveWorkspaceAction = workspaceAction("read", z.object({ leave: z.literal(true) }), async (_input, { db, userId, access }) => {
  await removeMember(db, { workspaceId: access.workspaceId, actorId: userId, userId, ip: await requestIp() });
  await refreshMemberConnections(access.workspaceId, userId);
  return null;
});
