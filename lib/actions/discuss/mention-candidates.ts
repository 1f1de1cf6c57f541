"use server";
// Members and departments of a workspace, for the @ autocomplete.
import { z } from "zod";
import { listDepartments } from "@/db/queries/departments";
import { listMembers } from "@/db/queries/memberships";
import { workspaceAction } from "@/lib/actions/safe-action";

export const listMentionCandidatesAction = workspaceAction("read", z.object({ query: z.string().max(100).optional() }), async (_input, { db, access }) => {
  const [members, departments] = await Promise.all([listMembers(db, access.workspaceId), listDepartments(db, access.workspaceId)]);
  return {
    members: members.map((m) => ({ userId: m.userId, name: m.name, email: m.email, department: m.departmentName })),
    departments: departments.map((d) => ({ id: d.id, name: d.name, color: d.color })),
  };
});
