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
import { renameDepartmentInMaps, renameDepartmentInProjection, renameDepartmentInStakeholderMaps } from "./propagate-department-rename";

export type UpdateDepartmentOptions = {
  workspaceId: string;
  actorId: string;
  departmentId: string;
  name?: string;
  color?: string;
  ip?: string | null;
};

export async function updateDepartment(db: Database, { workspaceId, actorId, departmentId, name, color, ip }: UpdateDepartmentOptions) {
  let renamed: { id: string; from: string; to: string } | null = null;
  let result;
  try {
    result = await db.transaction(async (tx) => {
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
        await renameDepartmentInProjection(tx, workspaceId, departmentId, name);
        renamed = { id: departmentId, from: before.name, to: name };
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
  // Documents are edited after the rename is committed (the sync service stores them on its own).
  const r = renamed as { id: string; from: string; to: string } | null;
  if (r) {
    await renameDepartmentInMaps(db, workspaceId, r);
    await renameDepartmentInStakeholderMaps(db, workspaceId, r.from, r.to);
  }
  return result;
}
