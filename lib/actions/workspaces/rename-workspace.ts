"use server";
import { workspaceAction } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/server/request-info";
import { ZRenameWorkspace } from "@/lib/validations/settings";
import { renameWorkspace } from "@/lib/workspaces/rename-workspace";

export const renameWorkspaceAction = workspaceAction("manage_workspace", ZRenameWorkspace, async (input, { db, userId, access }) => {
  await renameWorkspace(db, { workspaceId: access.workspaceId, actorId: userId, name: input.name, ip: await requestIp() });
  return null;
});
