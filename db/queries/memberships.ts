// Membership lookups: the basis of every authorization decision.
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { departments, memberships, users, workspaces, type Role } from "../schema";

export type WorkspaceAccess = {
  workspaceId: string;
  slug: string;
  name: string;
  role: Role;
  departmentId: string | null;
};

/** The caller's membership in the workspace with this slug, or null (also when it does not exist). */
export async function findAccessBySlug(db: DbOrTx, userId: string, slug: string): Promise<WorkspaceAccess | null> {
  const [row] = await db
    .select({
      workspaceId: workspaces.id, slug: workspaces.slug, name: workspaces.name,
      role: memberships.role, departmentId: memberships.departmentId,
    })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.userId, userId), eq(workspaces.slug, slug)))
    .limit(1);
  return row ?? null;
}

/** The caller's membership in the workspace with this id, or null. */
export async function findAccessById(db: DbOrTx, userId: string, workspaceId: string): Promise<WorkspaceAccess | null> {
  const [row] = await db
    .select({
      workspaceId: workspaces.id, slug: workspaces.slug, name: workspaces.name,
      role: memberships.role, departmentId: memberships.departmentId,
    })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.userId, userId), eq(memberships.workspaceId, workspaceId)))
    .limit(1);
  return row ?? null;
}

/** Every workspace the user belongs to, by name. */
export async function listUserWorkspaces(db: DbOrTx, userId: string): Promise<WorkspaceAccess[]> {
  return db
    .select({
      workspaceId: workspaces.id, slug: workspaces.slug, name: workspaces.name,
      role: memberships.role, departmentId: memberships.departmentId,
    })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(workspaces.name));
}

/** Members of a workspace with their user and department. */
export async function listMembers(db: DbOrTx, workspaceId: string) {
  return db
    .select({
      userId: users.id, name: users.name, email: users.email, role: memberships.role,
      departmentId: memberships.departmentId, departmentName: departments.name, joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(departments, eq(departments.id, memberships.departmentId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(users.email));
}

