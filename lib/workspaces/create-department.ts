// Adds a department to a workspace; names are unique per workspace (case-insensitively).
import { and, eq, max, sql } from "drizzle-orm";
import type { Database, DbOrTx } from "@/db/client";
import { departments } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { loadActorRole } from "@/lib/members/load-actor-role";
import { isUniqueViolation } from "./is-unique-violation";

export const MAX_DEPARTMENTS = 100;

export type CreateDepartmentOptions = { workspaceId: string; actorId: string; name: string; color: string; ip?: string | null };

/** Throws `conflict` (field `name`) when another department of the workspace has this name in any case. */
export async function assertDepartmentNameFree(db: DbOrTx, workspaceId: string, name: string, exceptId?: string) {
  const [clash] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.workspaceId, workspaceId), eq(sql`lower(${departments.name})`, name.toLowerCase())))
    .limit(2);
  if (clash && clash.id !== exceptId) throw new AppError("conflict", "department_name_taken", { name: "department_name_taken" });
}

export async function createDepartment(db: Database, { workspaceId, actorId, name, color, ip }: CreateDepartmentOptions) {
  try {
    return await db.transaction(async (tx) => {
      if (!can(await loadActorRole(tx, workspaceId, actorId), "manage_workspace")) throw new AppError("forbidden");
      await assertDepartmentNameFree(tx, workspaceId, name);
      const [{ count, last }] = await tx
        .select({ count: sql<number>`count(*)::int`, last: max(departments.position) })
        .from(departments)
        .where(eq(departments.workspaceId, workspaceId));
      if (count >= MAX_DEPARTMENTS) throw new AppError("conflict", "department_limit", { name: "department_limit" });
      const [department] = await tx
        .insert(departments)
        .values({ workspaceId, name, color, position: (last ?? -1) + 1 })
        .returning();
      await recordAuditEvent(tx, {
        action: "department.created", actorId, workspaceId, targetType: "department", targetId: department.id, ip, metadata: { name },
      });
      return department;
    });
  } catch (err) {
    // Two concurrent creates of one name: the unique index decides.
    if (isUniqueViolation(err)) throw new AppError("conflict", "department_name_taken", { name: "department_name_taken" });
    throw err;
  }
}
