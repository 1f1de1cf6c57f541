// Deletes a department. Its members stay in the workspace without a department.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { departments } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { loadActorRole } from "@/lib/members/load-actor-role";

export type DeleteDepartmentOptions = { workspaceId: string; actorId: string; departmentId: string; ip?: string | null };

export async function deleteDepartment(db: Database, { workspaceId, actorId, departmentId, ip }: DeleteDepartmentOptions) {
  return db.transaction(async (tx) => {
    if (!can(await loadActorRole(tx, workspaceId, actorId), "manage_workspace")) throw new AppError("forbidden");
    const [deleted] = await tx
      .delete(departments)
      .where(and(eq(departments.id, departmentId), eq(departments.workspaceId, workspaceId)))
      .returning({ id: departments.id, name: departments.name });
    if (!deleted) throw new AppError("not_found");
    await recordAuditEvent(tx, {
      action: "department.deleted", actorId, workspaceId, targetType: "department", targetId: deleted.id, ip, metadata: { name: deleted.name },
    });
  });
}
