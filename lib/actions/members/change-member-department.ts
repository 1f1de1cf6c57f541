"use server";
import { workspaceAction } from "@/lib/actions/safe-action";
import { changeMemberDepartment } from "@/lib/members/change-member-department";
import { requestIp } from "@/lib/server/request-info";
import { ZChangeMemberDepartment } from "@/lib/validations/members";

export const changeMemberDepartmentAction = workspaceAction("manage_members", ZChangeMemberDepartment, async (input, { db, userId, access }) => {
  await changeMemberDepartment(db, { workspaceId: access.workspaceId, actorId: userId, userId: input.userId, departmentId: input.departmentId, ip: await requestIp() });
  return null;
});
