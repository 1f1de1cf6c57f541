// Role changes and removal against real databases: owner-only rules, the last-owner rule, audit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEvents, memberships } from "@/db/schema";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { addMember, createDepartment, createTeam, createUser, createWorkspace } from "@/test/factories";
import { ZChangeMemberRole } from "@/lib/validations/members";
import { changeMemberDepartment } from "./change-member-department";
import { changeMemberRole } from "./change-member-role";
import { removeMember } from "./remove-member";

describe.each(testDrivers)("members (%s)", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
  });
  afterAll(async () => {
    await t?.close();
  });

  const roleOf = async (workspaceId: string, userId: string) =>
    (await t.db.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId))))[0]?.role ?? null;

  it("an owner promotes a viewer to editor, and the change is audited with from/to", async () => {
    const { workspace, owner, viewer } = await createTeam(t.db);
    const result = await changeMemberRole(t.db, { workspaceId: workspace.id, actorId: owner.id, userId: viewer.id, role: "editor", ip: "203.0.113.9" });
    expect(result).toEqual({ previousRole: "viewer", changed: true });
    expect(await roleOf(workspace.id, viewer.id)).toBe("editor");
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, "member.role_changed")));
    expect(event).toMatchObject({ actorId: owner.id, targetType: "user", targetId: viewer.id, ip: "203.0.113.9", metadata: { from: "viewer", to: "editor" } });
  });

  it("the last owner cannot step down; with a second owner they can", async () => {
    const { workspace, owner, editor } = await createTeam(t.db);
    await expect(changeMemberRole(t.db, { workspaceId: workspace.id, actorId: owner.id, userId: owner.id, role: "admin" })).rejects.toMatchObject({ code: "last_owner" });
    expect(await roleOf(workspace.id, owner.id)).toBe("owner");
    await changeMemberRole(t.db, { workspaceId: workspace.id, actorId: owner.id, userId: editor.id, role: "owner" });
    await changeMemberRole(t.db, { workspaceId: workspace.id, actorId: owner.id, userId: owner.id, role: "admin" });
    expect(await roleOf(workspace.id, owner.id)).toBe("admin");
    // The remaining owner is now the last one.
    await expect(changeMemberRole(t.db, { workspaceId: workspace.id, actorId: editor.id, userId: editor.id, role: "viewer" })).rejects.toMatchObject({ code: "last_owner" });
  });

  it("only owners make or unmake owners; admins manage everyone else", async () => {
    const { workspace, owner, editor, viewer } = await createTeam(t.db);
    const admin = await createUser(t.db);
    await addMember(t.db, workspace.id, admin.id, "admin");
    await expect(changeMemberRole(t.db, { workspaceId: workspace.id, actorId: admin.id, userId: viewer.id, role: "owner" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeMemberRole(t.db, { workspaceId: workspace.id, actorId: admin.id, userId: owner.id, role: "viewer" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await roleOf(workspace.id, owner.id)).toBe("owner");
    expect(await roleOf(workspace.id, viewer.id)).toBe("viewer");
    await changeMemberRole(t.db, { workspaceId: workspace.id, actorId: admin.id, userId: viewer.id, role: "admin" });
    expect(await roleOf(workspace.id, viewer.id)).toBe("admin");
    // Editors and viewers manage nobody.
    await expect(changeMemberRole(t.db, { workspaceId: workspace.id, actorId: editor.id, userId: editor.id, role: "admin" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await roleOf(workspace.id, editor.id)).toBe("editor");
  });

  it("another workspace's member or a non-member actor answers not_found and changes nothing", async () => {
    const { workspace, owner } = await createTeam(t.db);
    const other = await createTeam(t.db);
    await expect(changeMemberRole(t.db, { workspaceId: workspace.id, actorId: owner.id, userId: other.viewer.id, role: "editor" })).rejects.toMatchObject({ code: "not_found" });
    await expect(changeMemberRole(t.db, { workspaceId: workspace.id, actorId: other.owner.id, userId: owner.id, role: "viewer" })).rejects.toMatchObject({ code: "not_found" });
    expect(await roleOf(other.workspace.id, other.viewer.id)).toBe("viewer");
    expect(await roleOf(workspace.id, owner.id)).toBe("owner");
  });

  it("rejects an unknown role before any domain code runs", () => {
    expect(ZChangeMemberRole.safeParse({ userId: "u", role: "superuser" }).success).toBe(false);
    expect(ZChangeMemberRole.safeParse({ userId: "u", role: "editor" }).success).toBe(true);
  });

  it("removes a member, audits it, and keeps the last owner", async () => {
    const { workspace, owner, editor } = await createTeam(t.db);
    await removeMember(t.db, { workspaceId: workspace.id, actorId: owner.id, userId: editor.id });
    expect(await roleOf(workspace.id, editor.id)).toBeNull();
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, "member.removed")));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: owner.id, targetId: editor.id, metadata: { role: "editor" } });
    await expect(removeMember(t.db, { workspaceId: workspace.id, actorId: owner.id, userId: owner.id })).rejects.toMatchObject({ code: "last_owner" });
    expect(await roleOf(workspace.id, owner.id)).toBe("owner");
    await expect(removeMember(t.db, { workspaceId: workspace.id, actorId: owner.id, userId: editor.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("admins cannot remove owners; editors and viewers cannot remove anyone; anyone may leave", async () => {
    const { workspace, owner, editor, viewer } = await createTeam(t.db);
    const admin = await createUser(t.db);
    await addMember(t.db, workspace.id, admin.id, "admin");
    await expect(removeMember(t.db, { workspaceId: workspace.id, actorId: admin.id, userId: owner.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(removeMember(t.db, { workspaceId: workspace.id, actorId: editor.id, userId: viewer.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(removeMember(t.db, { workspaceId: workspace.id, actorId: viewer.id, userId: editor.id })).rejects.toMatchObject({ code: "forbidden" });
    expect(await roleOf(workspace.id, owner.id)).toBe("owner");
    expect(await roleOf(workspace.id, viewer.id)).toBe("viewer");
    await removeMember(t.db, { workspaceId: workspace.id, actorId: viewer.id, userId: viewer.id });
    expect(await roleOf(workspace.id, viewer.id)).toBeNull();
    const [left] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, "member.left")));
    expect(left).toMatchObject({ actorId: viewer.id, targetId: viewer.id });
  });

  it("concurrent demotions of two owners leave one owner", async () => {
    const workspace = await createWorkspace(t.db);
    const a = await createUser(t.db);
    const b = await createUser(t.db);
    await addMember(t.db, workspace.id, a.id, "owner");
    await addMember(t.db, workspace.id, b.id, "owner");
    const results = await Promise.allSettled([
      changeMemberRole(t.db, { workspaceId: workspace.id, actorId: a.id, userId: a.id, role: "editor" }),
      changeMemberRole(t.db, { workspaceId: workspace.id, actorId: b.id, userId: b.id, role: "editor" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const owners = await t.db.select().from(memberships).where(and(eq(memberships.workspaceId, workspace.id), eq(memberships.role, "owner")));
    expect(owners).toHaveLength(1);
  });

  it("moves a member between departments of the same workspace only", async () => {
    const { workspace, owner, editor, viewer } = await createTeam(t.db);
    const sales = await createDepartment(t.db, workspace.id, "Sales");
    const other = await createTeam(t.db);
    const foreign = await createDepartment(t.db, other.workspace.id, "Foreign");
    await changeMemberDepartment(t.db, { workspaceId: workspace.id, actorId: owner.id, userId: editor.id, departmentId: sales.id });
    const dept = async () => (await t.db.select().from(memberships).where(and(eq(memberships.workspaceId, workspace.id), eq(memberships.userId, editor.id))))[0].departmentId;
    expect(await dept()).toBe(sales.id);
    await expect(changeMemberDepartment(t.db, { workspaceId: workspace.id, actorId: owner.id, userId: editor.id, departmentId: foreign.id })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(changeMemberDepartment(t.db, { workspaceId: workspace.id, actorId: viewer.id, userId: editor.id, departmentId: null })).rejects.toMatchObject({ code: "forbidden" });
    expect(await dept()).toBe(sales.id);
    await changeMemberDepartment(t.db, { workspaceId: workspace.id, actorId: owner.id, userId: editor.id, departmentId: null });
    expect(await dept()).toBeNull();
  });
});
