// Moves a member to another department of the same workspace (or to none).
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { findDepartment } from "@/db/queries/departments";
import { memberships } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { loadActorRole } from "./load-actor-role";

export type ChangeMemberDepartmentOptions = {
  workspaceId: string;
  actorId: string;
  userId: string;
  departmentId: string | null;
  ip?: string | null;
};

export async function changeMemberDepartment(db: Database, { workspaceId, actorId, userId, departmentId, ip }: ChangeMemberDepartmentOptions) {
  return db.transaction(async (tx) => {
    if (!can(await loadActorRole(tx, workspaceId, actorId), "manage_members")) throw new AppError("forbidden");
    const department = departmentId ? await findDepartment(tx, workspaceId, departmentId) : null;
    // A department id of another workspace is treated like one that does not exist.
    if (departmentId && !department) throw new AppError("invalid_input", "department_unknown", { departmentId: "department_unknown" });
    const [updated] = await tx
      .update(memberships)
      .set({ departmentId })
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
      .returning({ userId: memberships.userId });
    if (!updated) throw new AppError("not_found");
    await recordAuditEvent(tx, {
      action: "member.department_changed", actorId, workspaceId, targetType: "user", targetId: userId, ip,
      metadata: { department: department?.name ?? null },
    });
  });
}
