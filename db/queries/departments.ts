// Departments of a workspace.
import { and, asc, count, eq, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { departments, memberships } from "../schema";

/** The workspace's departments in display order. */
export async function listDepartments(db: DbOrTx, workspaceId: string) {
  return db
    .select({ id: departments.id, name: departments.name, color: departments.color, position: departments.position })
    .from(departments)
    .where(eq(departments.workspaceId, workspaceId))
    .orderBy(asc(departments.position), asc(departments.name));
}

/** One department of the workspace, or null (also when it belongs to another workspace). */
export async function findDepartment(db: DbOrTx, workspaceId: string, departmentId: string) {
  const [row] = await db
    .select()
    .from(departments)
    .where(and(eq(departments.id, departmentId), eq(departments.workspaceId, workspaceId)))
    .limit(1);
  return row ?? null;
}

/** How many members each department of the workspace has (departments without members are absent). */
export async function countMembersByDepartment(db: DbOrTx, workspaceId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ departmentId: memberships.departmentId, n: count() })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), isNotNull(memberships.departmentId)))
    .groupBy(memberships.departmentId);
  return new Map(rows.map((r) => [r.departmentId!, r.n]));
}
