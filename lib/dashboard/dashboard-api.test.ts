// Integration: GET /api/v1/workspaces/{slug}/dashboard with real Requests and personal access tokens.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDatabase } from "@/db/client";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { addMember, createTeam, createUser } from "@/test/factories";
import { createPersona, createMap } from "@/test/map-factory";
import { createAccessToken } from "@/lib/tokens/create-access-token";

vi.mock("server-only", () => ({}));

const route = await import("@/app/api/v1/workspaces/[slug]/dashboard/route");

const get = (url: string, token: string) =>
  route.GET(new Request(`http://localhost${url}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ slug: url.split("/")[4] }) });

describe.each(testDrivers)("dashboard REST API on %s", (driver) => {
  let t: TestDatabase;
  let tokens: { viewer: string; outsider: string };
  let slug: string;
  let otherSlug: string;
  let personaId: string;

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    setDatabase({ db: t.db, driver: t.driver, close: async () => {} });
    const team = await createTeam(t.db);
    slug = team.workspace.slug;
    const persona = await createPersona(t.db, team.workspace.id, { name: "Petra" });
    personaId = persona.id;
    const stages = [{ id: "s1", name: "Onboarding" }, { id: "s2", name: "Use" }];
    await createMap(t.db, {
      workspaceId: team.workspace.id, title: "Current", state: "current", personaIds: [persona.id], stages,
      touchpoints: [{ stageId: "s1", title: "Signup", department: "Product", emotion: -2 }, { stageId: "s2", title: "Daily use", department: "Product", emotion: 2 }],
    });
    await createMap(t.db, {
      workspaceId: team.workspace.id, title: "Future", state: "future", stages,
      touchpoints: [{ stageId: "s1", title: "One-click signup", department: "Product", emotion: 3 }],
    });
    const elsewhere = await createTeam(t.db);
    otherSlug = elsewhere.workspace.slug;
    await createMap(t.db, {
      workspaceId: elsewhere.workspace.id, title: "Secret", stages, touchpoints: [{ stageId: "s1", title: "Secret touchpoint", emotion: -3 }],
    });
    const outsider = await createUser(t.db);
    await addMember(t.db, elsewhere.workspace.id, outsider.id, "owner");
    const tok = async (userId: string) => (await createAccessToken(t.db, { userId, name: "test", expiresInDays: 30 })).token;
    tokens = { viewer: await tok(team.viewer.id), outsider: await tok(outsider.id) };
    // Migrating a fresh PGlite and seeding is slow on a busy 2-core machine.
  }, 180_000);
  afterAll(async () => t?.close());

  it("viewers read every panel, narrowed by the filters", async () => {
    const all = await get(`/api/v1/workspaces/${slug}/dashboard`, tokens.viewer);
    expect(all.status).toBe(200);
    const body = await all.json();
    expect(Object.keys(body)).toEqual(expect.arrayContaining([
      "overview", "emotionByStage", "curves", "worstTouchpoints", "momentsOfTruth", "kpiAttainment", "backlog", "gaps", "silo", "freshness", "activity",
    ]));
    expect(body.emotionByStage.map((r: { stage: string; avg: number }) => [r.stage, r.avg])).toEqual([["Onboarding", 0.5], ["Use", 2]]);
    expect(body.worstTouchpoints[0].title).toBe("Signup");
    expect(JSON.stringify(body)).not.toContain("Secret");

    const future = await (await get(`/api/v1/workspaces/${slug}/dashboard?state=future&stage=Onboarding`, tokens.viewer)).json();
    expect(future.filters).toMatchObject({ state: "future", stage: "Onboarding", persona: [], map: [] });
    expect(future.emotionByStage.map((r: { stage: string; avg: number }) => [r.stage, r.avg])).toEqual([["Onboarding", 3]]);

    const byPersona = await (await get(`/api/v1/workspaces/${slug}/dashboard?persona=${personaId}&since=2000-01-01`, tokens.viewer)).json();
    expect(byPersona.overview).toMatchObject({ maps: 1, touchpoints: 2 });
  });

  it("rejects bad filter values (422) and unknown parameters (400)", async () => {
    const bad = await get(`/api/v1/workspaces/${slug}/dashboard?state=past`, tokens.viewer);
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.code).toBe("invalid_input");
    expect((await get(`/api/v1/workspaces/${slug}/dashboard?persona=nope`, tokens.viewer)).status).toBe(422);
    expect((await get(`/api/v1/workspaces/${slug}/dashboard?since=last-week`, tokens.viewer)).status).toBe(422);
    expect((await get(`/api/v1/workspaces/${slug}/dashboard?stage=a&stage=b`, tokens.viewer)).status).toBe(422);
    const unknown = await get(`/api/v1/workspaces/${slug}/dashboard?personas=x`, tokens.viewer);
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.code).toBe("invalid_query");
  });

  it("another workspace answers 404, also with bad filters, and unauthenticated 401", async () => {
    expect((await get(`/api/v1/workspaces/${slug}/dashboard`, tokens.outsider)).status).toBe(404);
    expect((await get(`/api/v1/workspaces/${slug}/dashboard?state=past`, tokens.outsider)).status).toBe(404);
    expect((await get(`/api/v1/workspaces/${otherSlug}/dashboard`, tokens.viewer)).status).toBe(404);
    expect((await get(`/api/v1/workspaces/${slug}/dashboard`, "jb_pat_invalid")).status).toBe(401);
  });
});
