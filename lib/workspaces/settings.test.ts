// Workspace settings against real databases: rename, departments, join rule, and the audit log view.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { listWorkspaceAuditEvents } from "@/db/queries/audit-events";
import { listDepartments } from "@/db/queries/departments";
import { auditEvents, memberships, workspaces } from "@/db/schema";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { addMember, createTeam, createUser } from "@/test/factories";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { ZCreateDepartment, ZRenameWorkspace } from "@/lib/validations/settings";
import { createDepartment } from "./create-department";
import { deleteDepartment } from "./delete-department";
import { renameWorkspace } from "./rename-workspace";
import { setJoinDomain } from "./set-join-domain";
import { updateDepartment } from "./update-department";

describe.each(testDrivers)("workspace settings (%s)", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
  });
  afterAll(async () => {
    await t?.close();
  });

  const nameOf = async (id: string) => (await t.db.select().from(workspaces).where(eq(workspaces.id, id)))[0];

  it("renames the workspace (owners and admins), audited; editors are refused", async () => {
    const { workspace, owner, editor } = await createTeam(t.db);
    await renameWorkspace(t.db, { workspaceId: workspace.id, actorId: owner.id, name: "Acme Europe" });
    expect((await nameOf(workspace.id)).name).toBe("Acme Europe");
    await expect(renameWorkspace(t.db, { workspaceId: workspace.id, actorId: editor.id, name: "Hijacked" })).rejects.toMatchObject({ code: "forbidden" });
    expect((await nameOf(workspace.id)).name).toBe("Acme Europe");
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, "workspace.renamed")));
    expect(event.metadata).toEqual({ from: workspace.name, to: "Acme Europe" });
  });

  it("rejects over-long and empty names", () => {
    expect(ZRenameWorkspace.safeParse({ name: "x".repeat(81) }).error?.issues[0].message).toBe("name_too_long");
    expect(ZRenameWorkspace.safeParse({ name: "   " }).error?.issues[0].message).toBe("name_required");
    expect(ZCreateDepartment.safeParse({ name: "d".repeat(61), color: "#112233" }).error?.issues[0].message).toBe("department_name_too_long");
    expect(ZCreateDepartment.safeParse({ name: "Ops", color: "red" }).error?.issues[0].message).toBe("color_invalid");
  });

  it("adds, renames, recolours and deletes departments; names are unique per workspace in any case", async () => {
    const { workspace, owner, viewer } = await createTeam(t.db);
    const other = await createTeam(t.db);
    const marketing = await createDepartment(t.db, { workspaceId: workspace.id, actorId: owner.id, name: "Marketing", color: "#db2777" });
    const sales = await createDepartment(t.db, { workspaceId: workspace.id, actorId: owner.id, name: "Sales", color: "#ea580c" });
    expect(sales.position).toBe(marketing.position + 1);
    // The same name in another workspace is fine.
    await createDepartment(t.db, { workspaceId: other.workspace.id, actorId: other.owner.id, name: "Marketing", color: "#db2777" });
    await expect(createDepartment(t.db, { workspaceId: workspace.id, actorId: owner.id, name: "MARKETING", color: "#000000" })).rejects.toMatchObject({
      code: "conflict", fields: { name: "department_name_taken" },
    });
    await expect(updateDepartment(t.db, { workspaceId: workspace.id, actorId: owner.id, departmentId: sales.id, name: "marketing" })).rejects.toMatchObject({ code: "conflict" });
    await updateDepartment(t.db, { workspaceId: workspace.id, actorId: owner.id, departmentId: sales.id, name: "Sales & Partners", color: "#16a34a" });
    // Renaming in case only is allowed for the department itself.
    await updateDepartment(t.db, { workspaceId: workspace.id, actorId: owner.id, departmentId: marketing.id, name: "marketing" });
    expect((await listDepartments(t.db, workspace.id)).map((d) => [d.name, d.color])).toEqual([["marketing", "#db2777"], ["Sales & Partners", "#16a34a"]]);

    await expect(createDepartment(t.db, { workspaceId: workspace.id, actorId: viewer.id, name: "Ops", color: "#000000" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateDepartment(t.db, { workspaceId: other.workspace.id, actorId: other.owner.id, departmentId: sales.id, name: "Stolen" })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteDepartment(t.db, { workspaceId: other.workspace.id, actorId: other.owner.id, departmentId: sales.id })).rejects.toMatchObject({ code: "not_found" });

    // Deleting keeps its members, without a department.
    const member = await createUser(t.db);
    await addMember(t.db, workspace.id, member.id, "editor", sales.id);
    await deleteDepartment(t.db, { workspaceId: workspace.id, actorId: owner.id, departmentId: sales.id });
    expect((await listDepartments(t.db, workspace.id)).map((d) => d.name)).toEqual(["marketing"]);
    const [row] = await t.db.select().from(memberships).where(and(eq(memberships.workspaceId, workspace.id), eq(memberships.userId, member.id)));
    expect(row).toMatchObject({ role: "editor", departmentId: null });
    const actions = (await t.db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspace.id))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["department.created", "department.renamed", "department.deleted"]));
  });

  it("sets and clears the join domain; public mailbox domains are refused", async () => {
    const { workspace, owner, editor } = await createTeam(t.db);
    await setJoinDomain(t.db, { workspaceId: workspace.id, actorId: owner.id, domain: "acme.example" });
    expect((await nameOf(workspace.id)).joinDomain).toBe("acme.example");
    await expect(setJoinDomain(t.db, { workspaceId: workspace.id, actorId: owner.id, domain: "gmail.com" })).rejects.toMatchObject({ fields: { domain: "domain_public" } });
    await expect(setJoinDomain(t.db, { workspaceId: workspace.id, actorId: editor.id, domain: null })).rejects.toMatchObject({ code: "forbidden" });
    expect((await nameOf(workspace.id)).joinDomain).toBe("acme.example");
    await setJoinDomain(t.db, { workspaceId: workspace.id, actorId: owner.id, domain: null });
    expect((await nameOf(workspace.id)).joinDomain).toBeNull();
    const events = await t.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, "workspace.join_domain_changed")));
    expect(events).toHaveLength(2);
  });

  it("the audit log lists the workspace's events and its members' sign-ins, newest first, paginated", async () => {
    const { workspace, owner, editor, viewer } = await createTeam(t.db);
    const stranger = await createUser(t.db);
    await recordAuditEvent(t.db, { action: "auth.sign_in", actorId: editor.id, ip: "198.51.100.7" });
    await recordAuditEvent(t.db, { action: "auth.sign_in", actorId: stranger.id });
    await changeMemberRole(t.db, { workspaceId: workspace.id, actorId: owner.id, userId: viewer.id, role: "editor" });
    const { entries, hasMore } = await listWorkspaceAuditEvents(t.db, workspace.id);
    expect(hasMore).toBe(false);
    expect(entries.map((e) => e.action)).toEqual(["member.role_changed", "auth.sign_in"]);
    expect(entries[0]).toMatchObject({ actorName: "Owner", targetName: "Viewer", metadata: { from: "viewer", to: "editor" } });
    expect(entries[1]).toMatchObject({ actorId: editor.id, ip: "198.51.100.7" });

    for (let i = 0; i < 5; i++) await recordAuditEvent(t.db, { action: "workspace.renamed", actorId: owner.id, workspaceId: workspace.id });
    const page1 = await listWorkspaceAuditEvents(t.db, workspace.id, { page: 1, pageSize: 3 });
    const page3 = await listWorkspaceAuditEvents(t.db, workspace.id, { page: 3, pageSize: 3 });
    expect(page1).toMatchObject({ hasMore: true });
    expect(page1.entries).toHaveLength(3);
    expect(page3).toMatchObject({ hasMore: false });
    expect(page3.entries.map((e) => e.action)).toEqual(["auth.sign_in"]);
  });
});
