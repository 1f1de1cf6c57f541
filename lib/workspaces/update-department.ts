// Renames and/or recolours a department.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { findDepartment } from "@/db/queries/departments";
import { departments } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { loadActorRole } from "@/lib/members/load-actor-role";
import { assertDepartmentNameFree } from "./create-department";
import { isUniqueViolation } from "./is-unique-violation";

export type UpdateDepartmentOptions = {
  workspaceId: string;
  actorId: string;
  departmentId: string;
  name?: string;
  color?: string;
  ip?: string | null;
};

export async function updateDepartment(db: Database, { workspaceId, actorId, departmentId, name, color, ip }: UpdateDepartmentOptions) {
  try {
    return await db.transaction(async (tx) => {
      if (!can(await loadActorRole(tx, workspaceId, actorId), "manage_workspace")) throw new AppError("forbidden");
      const before = await findDepartment(tx, workspaceId, departmentId);
      if (!before) throw new AppError("not_found");
      if (name !== undefined && name !== before.name) await assertDepartmentNameFree(tx, workspaceId, name, departmentId);
      const [after] = await tx
        .update(departments)
        .set({ ...(name !== undefined ? { name } : {}), ...(color !== undefined ? { color } : {}) })
        .where(and(eq(departments.id, departmentId), eq(departments.workspaceId, workspaceId)))
        .returning();
      if (name !== undefined && name !== before.name) {
        await recordAuditEvent(tx, {
          action: "department.renamed", actorId, workspaceId, targetType: "department", targetId: departmentId, ip,
          metadata: { from: before.name, to: name },
        });
      }
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", "department_name_taken", { name: "department_name_taken" });
    throw err;
  }
}
