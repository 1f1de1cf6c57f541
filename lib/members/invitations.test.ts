// Invitations (create, accept, expired, reused, revoked) and the domain join rule, against real databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { listPendingInvitations } from "@/db/queries/invitations";
import { listJoinableWorkspaces } from "@/db/queries/workspaces";
import { auditEvents, invitations, memberships, workspaces } from "@/db/schema";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { addMember, createDepartment, createTeam, createUser, createWorkspace } from "@/test/factories";
import { hashSecret } from "@/lib/auth/secret-token";
import { ZCreateInvitation } from "@/lib/validations/members";
import { ZSetJoinDomain } from "@/lib/validations/settings";
import { acceptInvitation } from "./accept-invitation";
import { createInvitation, INVITATION_TTL_MS } from "./create-invitation";
import { findInvitation } from "./find-invitation";
import { joinByDomain } from "./join-by-domain";
import { revokeInvitation } from "./revoke-invitation";

describe.each(testDrivers)("invitations and domain join (%s)", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
  });
  afterAll(async () => {
    await t?.close();
  });

  const membership = async (workspaceId: string, userId: string) =>
    (await t.db.select().from(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId))))[0] ?? null;

  it("creates a 7-day invitation storing only the hash, and the invited user joins with its role and department", async () => {
    const { workspace, owner } = await createTeam(t.db);
    const sales = await createDepartment(t.db, workspace.id, "Sales");
    const now = new Date();
    const { invitation, token } = await createInvitation(t.db, {
      workspaceId: workspace.id, actorId: owner.id, email: "  New.Person@Example.com ", role: "editor", departmentId: sales.id, now,
    });
    expect(token).toMatch(/^jb_inv_[A-Za-z0-9_-]{20,}$/);
    expect(invitation.email).toBe("new.person@example.com");
    expect(invitation.tokenHash).toBe(hashSecret(token));
    expect(JSON.stringify(await t.db.select().from(invitations))).not.toContain(token);
    expect(invitation.expiresAt.getTime() - now.getTime()).toBe(INVITATION_TTL_MS);
    expect(await listPendingInvitations(t.db, workspace.id)).toHaveLength(1);

    const view = await findInvitation(t.db, token);
    expect(view).toMatchObject({ status: "valid", role: "editor", departmentName: "Sales", workspace: { slug: workspace.slug, name: workspace.name } });

    // The link is bound to the invited address: another account holding it cannot accept.
    const someoneElse = await createUser(t.db, { email: "someone.else@elsewhere.test" });
    await expect(acceptInvitation(t.db, { token, userId: someoneElse.id })).rejects.toMatchObject({ code: "wrong_account" });
    expect(await membership(workspace.id, someoneElse.id)).toBeNull();
    const joiner = await createUser(t.db, { email: "New.Person@example.com".toLowerCase() });
    const result = await acceptInvitation(t.db, { token, userId: joiner.id });
    expect(result).toEqual({ workspaceId: workspace.id, slug: workspace.slug, alreadyMember: false });
    expect(await membership(workspace.id, joiner.id)).toMatchObject({ role: "editor", departmentId: sales.id });
    expect(await listPendingInvitations(t.db, workspace.id)).toHaveLength(0);
    const actions = (await t.db.select().from(auditEvents).where(eq(auditEvents.workspaceId, workspace.id))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["member.invited", "member.joined"]));
  });

  it("a used link answers already_used and adds nobody", async () => {
    const { workspace, owner } = await createTeam(t.db);
    const { token } = await createInvitation(t.db, { workspaceId: workspace.id, actorId: owner.id, email: "a@example.com", role: "viewer", anyoneWithLink: true });
    const first = await createUser(t.db);
    const second = await createUser(t.db);
    await acceptInvitation(t.db, { token, userId: first.id });
    await expect(acceptInvitation(t.db, { token, userId: second.id })).rejects.toMatchObject({ code: "already_used" });
    expect(await membership(workspace.id, second.id)).toBeNull();
    expect((await findInvitation(t.db, token))?.status).toBe("already_used");
  });

  it("an expired link answers expired and adds nobody", async () => {
    const { workspace, owner } = await createTeam(t.db);
    const eightDaysAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    const { token } = await createInvitation(t.db, { workspaceId: workspace.id, actorId: owner.id, email: "late@example.com", role: "editor", now: eightDaysAgo });
    const user = await createUser(t.db);
    expect((await findInvitation(t.db, token))?.status).toBe("expired");
    await expect(acceptInvitation(t.db, { token, userId: user.id })).rejects.toMatchObject({ code: "expired" });
    expect(await membership(workspace.id, user.id)).toBeNull();
    expect(await listPendingInvitations(t.db, workspace.id)).toHaveLength(0);
  });

  it("a revoked link is not found; revoking is audited and scoped to the workspace", async () => {
    const { workspace, owner, viewer } = await createTeam(t.db);
    const other = await createTeam(t.db);
    const { invitation, token } = await createInvitation(t.db, { workspaceId: workspace.id, actorId: owner.id, email: "gone@example.com", role: "editor" });
    await expect(revokeInvitation(t.db, { workspaceId: other.workspace.id, actorId: other.owner.id, invitationId: invitation.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(revokeInvitation(t.db, { workspaceId: workspace.id, actorId: viewer.id, invitationId: invitation.id })).rejects.toMatchObject({ code: "forbidden" });
    expect(await findInvitation(t.db, token)).not.toBeNull();
    await revokeInvitation(t.db, { workspaceId: workspace.id, actorId: owner.id, invitationId: invitation.id });
    expect(await findInvitation(t.db, token)).toBeNull();
    const user = await createUser(t.db);
    await expect(acceptInvitation(t.db, { token, userId: user.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(acceptInvitation(t.db, { token: "jb_inv_doesnotexist000000000", userId: user.id })).rejects.toMatchObject({ code: "not_found" });
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, "invitation.revoked")));
    expect(event).toMatchObject({ actorId: owner.id, targetId: invitation.id, metadata: { email: "gone@example.com" } });
  });

  it("re-inviting an address replaces the open link; members cannot be invited twice", async () => {
    const { workspace, owner, editor } = await createTeam(t.db);
    const first = await createInvitation(t.db, { workspaceId: workspace.id, actorId: owner.id, email: "twice@example.com", role: "viewer" });
    const second = await createInvitation(t.db, { workspaceId: workspace.id, actorId: owner.id, email: "twice@example.com", role: "editor" });
    expect(await findInvitation(t.db, first.token)).toBeNull();
    expect((await findInvitation(t.db, second.token))?.role).toBe("editor");
    await expect(createInvitation(t.db, { workspaceId: workspace.id, actorId: owner.id, email: editor.email, role: "viewer" })).rejects.toMatchObject({
      code: "conflict", fields: { email: "already_member" },
    });
  });

  it("only owners invite owners; viewers invite nobody; departments must be the workspace's", async () => {
    const { workspace, owner, viewer } = await createTeam(t.db);
    const admin = await createUser(t.db);
    await addMember(t.db, workspace.id, admin.id, "admin");
    await expect(createInvitation(t.db, { workspaceId: workspace.id, actorId: admin.id, email: "boss@example.com", role: "owner" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createInvitation(t.db, { workspaceId: workspace.id, actorId: viewer.id, email: "x@example.com", role: "viewer" })).rejects.toMatchObject({ code: "forbidden" });
    const foreign = await createDepartment(t.db, (await createWorkspace(t.db)).id, "Foreign");
    await expect(createInvitation(t.db, { workspaceId: workspace.id, actorId: owner.id, email: "y@example.com", role: "viewer", departmentId: foreign.id })).rejects.toMatchObject({ code: "invalid_input" });
    expect(await listPendingInvitations(t.db, workspace.id)).toHaveLength(0);
    await createInvitation(t.db, { workspaceId: workspace.id, actorId: owner.id, email: "boss@example.com", role: "owner" });
    expect(await listPendingInvitations(t.db, workspace.id)).toHaveLength(1);
  });

  it("a member accepting an invitation keeps their role", async () => {
    const { workspace, owner, editor } = await createTeam(t.db);
    const { token } = await createInvitation(t.db, { workspaceId: workspace.id, actorId: owner.id, email: "forwarded@example.com", role: "viewer", anyoneWithLink: true });
    expect(await acceptInvitation(t.db, { token, userId: editor.id })).toMatchObject({ alreadyMember: true });
    expect((await membership(workspace.id, editor.id))?.role).toBe("editor");
  });

  it("rejects malformed and over-long e-mails and unknown roles", () => {
    expect(ZCreateInvitation.safeParse({ email: "not-an-email", role: "editor" }).error?.issues[0].message).toBe("email_invalid");
    expect(ZCreateInvitation.safeParse({ email: `${"a".repeat(250)}@example.com`, role: "editor" }).error?.issues[0].message).toBe("email_too_long");
    expect(ZCreateInvitation.safeParse({ email: "ok@example.com", role: "god" }).success).toBe(false);
    expect(ZCreateInvitation.parse({ email: " OK@Example.com ", role: "viewer" }).email).toBe("ok@example.com");
  });

  it("the domain join rule lets verified users of that domain join as viewers, nobody else", async () => {
    const { workspace } = await createTeam(t.db);
    await t.db.update(workspaces).set({ joinDomain: "initech.example" }).where(eq(workspaces.id, workspace.id));
    const verified = await createUser(t.db, { email: "peter@initech.example" });
    const unverified = await createUser(t.db, { email: "milton@initech.example", emailVerified: null });
    const outsider = await createUser(t.db, { email: "bob@elsewhere.example" });
    const lookalike = await createUser(t.db, { email: "eve@evil-initech.example" });

    expect((await listJoinableWorkspaces(t.db, verified.id)).map((w) => w.slug)).toEqual([workspace.slug]);
    for (const user of [unverified, outsider, lookalike]) {
      expect(await listJoinableWorkspaces(t.db, user.id)).toEqual([]);
      await expect(joinByDomain(t.db, { userId: user.id, slug: workspace.slug })).rejects.toMatchObject({ code: "not_found" });
      expect(await membership(workspace.id, user.id)).toBeNull();
    }
    expect(await joinByDomain(t.db, { userId: verified.id, slug: workspace.slug })).toEqual({ slug: workspace.slug, alreadyMember: false });
    expect((await membership(workspace.id, verified.id))?.role).toBe("viewer");
    expect(await listJoinableWorkspaces(t.db, verified.id)).toEqual([]);
    expect(await joinByDomain(t.db, { userId: verified.id, slug: workspace.slug })).toMatchObject({ alreadyMember: true });
    const joined = await t.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, workspace.id), eq(auditEvents.action, "member.joined")));
    expect(joined).toHaveLength(1);
    expect(joined[0].metadata).toMatchObject({ via: "domain", role: "viewer" });
  });

  it("normalises and validates join domains", () => {
    expect(ZSetJoinDomain.parse({ domain: "@Acme.Example" }).domain).toBe("acme.example");
    expect(ZSetJoinDomain.parse({ domain: "" }).domain).toBeNull();
    for (const bad of ["acme", "acme..example", "-acme.example", "a b.example", "acme.example/x", `${"a".repeat(64)}.example`]) {
      expect(ZSetJoinDomain.safeParse({ domain: bad }).success, bad).toBe(false);
    }
  });
});
