// Test data factories: build rows with sensible defaults, override what the test cares about.
import { randomBytes } from "node:crypto";
import type { Database } from "@/db/client";
import { departments, memberships, users, workspaces, type Role } from "@/db/schema";

const unique = () => randomBytes(4).toString("hex");

export async function createUser(db: Database, overrides: Partial<typeof users.$inferInsert> = {}) {
  const [user] = await db
    .insert(users)
    .values({ email: `user-${unique()}@example.test`, name: "Test User", emailVerified: new Date(), ...overrides })
    .returning();
  return user;
}

export async function createWorkspace(db: Database, overrides: Partial<typeof workspaces.$inferInsert> = {}) {
  const suffix = unique();
  const [workspace] = await db.insert(workspaces).values({ slug: `ws-${suffix}`, name: `Workspace ${suffix}`, ...overrides }).returning();
  return workspace;
}

export async function addMember(db: Database, workspaceId: string, userId: string, role: Role, departmentId?: string) {
  await db.insert(memberships).values({ workspaceId, userId, role, departmentId });
}

export async function createDepartment(db: Database, workspaceId: string, name = `Dept ${unique()}`) {
  const [department] = await db.insert(departments).values({ workspaceId, name }).returning();
  return department;
}

/** A workspace with one member of each role. */
export async function createTeam(db: Database) {
  const workspace = await createWorkspace(db);
  const owner = await createUser(db, { name: "Owner" });
  const editor = await createUser(db, { name: "Editor" });
  const viewer = await createUser(db, { name: "Viewer" });
  await addMember(db, workspace.id, owner.id, "owner");
  await addMember(db, workspace.id, editor.id, "editor");
  await addMember(db, workspace.id, viewer.id, "viewer");
  return { workspace, owner, editor, viewer };
}
