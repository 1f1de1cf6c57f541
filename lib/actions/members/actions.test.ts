// Server actions are public endpoints: a forged call from a viewer, an outsider or an anonymous
// client must be refused before any domain code runs, and change nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEvents, departments, invitations, memberships, workspaces } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { createTeam } from "@/test/factories";

const session = vi.hoisted(() => ({ userId: null as string | null }));
const database = vi.hoisted(() => ({ db: null as unknown }));

vi.mock("server-only", () => ({}));
vi.mock("@/lib/auth/config", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("@/db/client", async (importOriginal) => ({ ...(await importOriginal<object>()), getDb: async () => database.db }));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => `t:${key}` }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "localhost:3000", "x-forwarded-for": "192.0.2.10" }) }));

const { changeMemberRoleAction } = await import("./change-member-role");
const { removeMemberAction } = await import("./remove-member");
const { createInvitationAction } = await import("./create-invitation");
const { renameWorkspaceAction } = await import("@/lib/actions/workspaces/rename-workspace");
const { createDepartmentAction } = await import("@/lib/actions/workspaces/create-department");

describe("member and settings actions refuse forged calls", () => {
  let t: TestDatabase;
  let team: Awaited<ReturnType<typeof createTeam>>;
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    database.db = t.db;
  });
  afterAll(async () => {
    await t?.close();
  });
  beforeEach(async () => {
    team = await createTeam(t.db);
  });

  const roleOf = async (userId: string) =>
    (await t.db.select().from(memberships).where(and(eq(memberships.workspaceId, team.workspace.id), eq(memberships.userId, userId))))[0]?.role ?? null;

  it("a viewer promoting themselves is forbidden and nothing changes", async () => {
    session.userId = team.viewer.id;
    const result = await changeMemberRoleAction({ workspace: team.workspace.slug, userId: team.viewer.id, role: "owner" });
    expect(result).toEqual({ ok: false, error: { code: "forbidden", message: "t:forbidden", fields: undefined } });
    expect(await roleOf(team.viewer.id)).toBe("viewer");
    expect(await removeMemberAction({ workspace: team.workspace.slug, userId: team.owner.id })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await roleOf(team.owner.id)).toBe("owner");
    expect(await renameWorkspaceAction({ workspace: team.workspace.slug, name: "Pwned" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await createDepartmentAction({ workspace: team.workspace.slug, name: "Pwned", color: "#000000" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await createInvitationAction({ workspace: team.workspace.slug, email: "friend@example.com", role: "owner" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect((await t.db.select().from(workspaces).where(eq(workspaces.id, team.workspace.id)))[0].name).toBe(team.workspace.name);
    expect(await t.db.select().from(departments).where(eq(departments.workspaceId, team.workspace.id))).toEqual([]);
    expect(await t.db.select().from(invitations).where(eq(invitations.workspaceId, team.workspace.id))).toEqual([]);
  });

  it("another workspace's owner gets not_found; an anonymous caller unauthenticated", async () => {
    const other = await createTeam(t.db);
    session.userId = other.owner.id;
    expect(await changeMemberRoleAction({ workspace: team.workspace.slug, userId: team.viewer.id, role: "editor" })).toMatchObject({ ok: false, error: { code: "not_found" } });
    session.userId = null;
    expect(await changeMemberRoleAction({ workspace: team.workspace.slug, userId: team.viewer.id, role: "editor" })).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    expect(await roleOf(team.viewer.id)).toBe("viewer");
  });

  it("bad input is refused with field errors: malformed e-mail, over-long name", async () => {
    session.userId = team.owner.id;
    expect(await createInvitationAction({ workspace: team.workspace.slug, email: "nope", role: "editor" })).toMatchObject({
      ok: false, error: { code: "invalid_input", fields: { email: "email_invalid" } },
    });
    expect(await renameWorkspaceAction({ workspace: team.workspace.slug, name: "n".repeat(200) })).toMatchObject({
      ok: false, error: { code: "invalid_input", fields: { name: "name_too_long" } },
    });
    expect(await t.db.select().from(invitations).where(eq(invitations.workspaceId, team.workspace.id))).toEqual([]);
  });

  it("the owner's calls go through, with the caller's IP in the audit log and a link on the request's origin", async () => {
    session.userId = team.owner.id;
    expect(await changeMemberRoleAction({ workspace: team.workspace.slug, userId: team.viewer.id, role: "editor" })).toMatchObject({ ok: true });
    expect(await roleOf(team.viewer.id)).toBe("editor");
    const [event] = await t.db.select().from(auditEvents).where(and(eq(auditEvents.workspaceId, team.workspace.id), eq(auditEvents.action, "member.role_changed")));
    expect(event).toMatchObject({ actorId: team.owner.id, targetId: team.viewer.id, ip: "192.0.2.10" });
    const invited = await createInvitationAction({ workspace: team.workspace.slug, email: "friend@example.com", role: "viewer" });
    expect(invited.ok && invited.data.link).toMatch(/^http:\/\/localhost:3000\/invite\/jb_inv_/);
    // A last-owner refusal arrives as a translated, coded error.
    expect(await changeMemberRoleAction({ workspace: team.workspace.slug, userId: team.owner.id, role: "viewer" })).toMatchObject({
      ok: false, error: { code: "last_owner", message: "t:last_owner" },
    });
  });
});
