"use server";
import { workspaceAction } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/server/request-info";
import { ZDeleteDepartment } from "@/lib/validations/settings";
import { deleteDepartment } from "@/lib/workspaces/delete-department";

export const deleteDepartmentAction = workspaceAction("manage_workspace", ZDeleteDepartment, async (input, { db, userId, access }) => {
  await deleteDepartment(db, { workspaceId: access.workspaceId, actorId: userId, departmentId: input.departmentId, ip: await requestIp() });
  return null;
});
