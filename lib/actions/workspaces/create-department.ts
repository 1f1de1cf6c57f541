"use server";
import { workspaceAction } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/server/request-info";
import { ZCreateDepartment } from "@/lib/validations/settings";
import { createDepartment } from "@/lib/workspaces/create-department";

export const createDepartmentAction = workspaceAction("manage_workspace", ZCreateDepartment, async (input, { db, userId, access }) => {
  const department = await createDepartment(db, { workspaceId: access.workspaceId, actorId: userId, name: input.name, color: input.color, ip: await requestIp() });
  return { id: department.id };
});
