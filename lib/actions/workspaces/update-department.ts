"use server";
import { workspaceAction } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/server/request-info";
import { ZUpdateDepartment } from "@/lib/validations/settings";
import { updateDepartment } from "@/lib/workspaces/update-department";

export const updateDepartmentAction = workspaceAction("manage_workspace", ZUpdateDepartment, async (input, { db, userId, access }) => {
  await updateDepartment(db, { workspaceId: access.workspaceId, actorId: userId, departmentId: input.departmentId, name: input.name, color: input.color, ip: await requestIp() });
  return null;
});
