// Departments of a workspace.
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { departments } from "../schema";

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
