// Integration: the maps REST handlers (CONTRACT §5, §7) called with real Requests carrying personal
// access tokens, against a real database and a real sync service (PUT and metrics go through it).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { createTeam, createUser, addMember } from "@/test/factories";
import { setDatabase } from "@/db/client";
import { journeyMaps, mapTouchpoints, touchpointMetrics } from "@/db/schema";
import { createInProcessLiveDocuments, startCollabService, type CollabService } from "@/collab/index";
import { setLiveDocuments } from "@/lib/live-documents/port";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { readMap, type MapExportOutput } from "./map-document";

// `server-only` is resolved by Next's bundler; in plain Node it is a no-op.
vi.mock("server-only", () => ({}));

const maps = await import("@/app/api/v1/workspaces/[slug]/maps/route");
const map = await import("@/app/api/v1/maps/[id]/route");
const metrics = await import("@/app/api/v1/maps/[id]/metrics/route");

function request(method: string, url: string, token: string, body?: unknown) {
  return new Request(`http://localhost${url}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}
const params = <P,>(p: P) => ({ params: Promise.resolve(p) });

describe.each(testDrivers)("maps REST API on %s", (driver) => {
  let t: TestDatabase;
  let collab: CollabService;
  let tokens: { editor: string; viewer: string; outsider: string };
  let slug: string;
  let workspaceId: string;

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    setDatabase({ db: t.db, driver: t.driver, close: async () => {} });
    collab = await startCollabService({ db: t.db, redisUrl: null, allowedOrigins: [], register: true });
    // As server.ts does: lib/ reaches the live documents through the port.
    setLiveDocuments(createInProcessLiveDocuments(collab));
    const team = await createTeam(t.db);
    slug = team.workspace.slug;
    workspaceId = team.workspace.id;
    const outsider = await createUser(t.db);
    const elsewhere = await createTeam(t.db);
    await addMember(t.db, elsewhere.workspace.id, outsider.id, "owner");
    const tok = async (userId: string) => (await createAccessToken(t.db, { userId, name: "test", expiresInDays: 30 })).token;
    tokens = { editor: await tok(team.editor.id), viewer: await tok(team.viewer.id), outsider: await tok(outsider.id) };
  }, 180_000);
  afterAll(async () => {
    setLiveDocuments(null);
    await collab?.close();
    await t?.close();
  });

  it("creates, lists, exports, replaces, records metrics and deletes a map", async () => {
    // POST: editors create (template content in the requested language); viewers 403; others 404.
    const created = await maps.POST(request("POST", `/api/v1/workspaces/${slug}/maps`, tokens.editor, { title: "Onboarding", template: "saas-b2b" }), params({ slug }));
    expect(created.status).toBe(201);
    const summary = await created.json();
    expect(summary).toMatchObject({ title: "Onboarding", state: "current", touchpointCount: 9 });
    expect((await maps.POST(request("POST", `/api/v1/workspaces/${slug}/maps`, tokens.viewer, { title: "x" }), params({ slug }))).status).toBe(403);
    expect((await maps.POST(request("POST", `/api/v1/workspaces/${slug}/maps`, tokens.outsider, { title: "x" }), params({ slug }))).status).toBe(404);
    const invalid = await maps.POST(request("POST", `/api/v1/workspaces/${slug}/maps`, tokens.editor, { title: "", template: "nope" }), params({ slug }));
    expect(invalid.status).toBe(422);
    expect((await invalid.json()).error.fields).toHaveProperty("title");

    // GET list with filters (viewers may read).
    const list = await maps.GET(request("GET", `/api/v1/workspaces/${slug}/maps?q=free%20trial`, tokens.viewer), params({ slug }));
    expect((await list.json()).map((m: { id: string }) => m.id)).toEqual([summary.id]);
    const none = await maps.GET(request("GET", `/api/v1/workspaces/${slug}/maps?state=future`, tokens.viewer), params({ slug }));
    expect(await none.json()).toEqual([]);
    expect((await maps.GET(request("GET", `/api/v1/workspaces/${slug}/maps?state=bogus`, tokens.viewer), params({ slug }))).status).toBe(422);

    // GET export.
    const id = summary.id as string;
    const got = await map.GET(request("GET", `/api/v1/maps/${id}`, tokens.viewer), params({ id }));
    expect(got.status).toBe(200);
    const exported = (await got.json()) as MapExportOutput;
    expect(exported).toMatchObject({ format: "journeyboard.map/v1", id, title: "Onboarding" });
    expect(exported.touchpoints).toHaveLength(9);
    expect((await map.GET(request("GET", `/api/v1/maps/${id}`, tokens.outsider), params({ id }))).status).toBe(404);
    expect((await map.GET(request("GET", `/api/v1/maps/not-a-uuid`, tokens.editor), params({ id: "not-a-uuid" }))).status).toBe(404);

    // PUT with bad data: 422 naming the field, nothing changed.
    const bad = structuredClone(exported) as unknown as { touchpoints: { emotion: unknown }[] };
    bad.touchpoints[2].emotion = 9;
    const rejected = await map.PUT(request("PUT", `/api/v1/maps/${id}`, tokens.editor, bad), params({ id }));
    expect(rejected.status).toBe(422);
    const rejectedBody = await rejected.json();
    expect(rejectedBody.error.code).toBe("invalid_input");
    expect(rejectedBody.error.fields).toHaveProperty(["touchpoints.2.emotion"]);
    expect((await map.PUT(request("PUT", `/api/v1/maps/${id}`, tokens.editor, "{not json"), params({ id }))).status).toBe(422);
    expect(await (await map.GET(request("GET", `/api/v1/maps/${id}`, tokens.editor), params({ id }))).json()).toEqual(exported);

    // PUT valid: applied through the live document and projected.
    const next = structuredClone(exported);
    next.title = "Onboarding (revised)";
    next.state = "future";
    next.touchpoints[0].emotion = -3;
    next.touchpoints[0].opportunityDetails = [{ text: "Clearer ad", owner: "Ada", department: "Marketing", status: "in_progress" }];
    next.touchpoints.splice(3, 1);
    expect((await map.PUT(request("PUT", `/api/v1/maps/${id}`, tokens.viewer, next), params({ id }))).status).toBe(403);
    const put = await map.PUT(request("PUT", `/api/v1/maps/${id}`, tokens.editor, next), params({ id }));
    expect(put.status).toBe(200);
    const live = readMap(await collab.getDocumentState(`map:${id}`));
    expect(live).toMatchObject({ title: "Onboarding (revised)", state: "future" });
    expect(live.touchpoints).toHaveLength(8);
    expect(live.touchpoints[0].opportunities[0]).toMatchObject({ text: "Clearer ad", status: "in_progress" });
    const after = (await (await map.GET(request("GET", `/api/v1/maps/${id}`, tokens.editor), params({ id }))).json()) as MapExportOutput;
    expect(after).toEqual({ ...next, touchpoints: next.touchpoints.map((tp, i) => (i === 0 ? { ...tp, opportunities: ["Clearer ad"], opportunityDetails: tp.opportunityDetails.map((o) => ({ impact: null, effort: null, dueDate: null, ...o })) } : tp)) });
    const [row] = await t.db.select().from(journeyMaps).where(eq(journeyMaps.id, id));
    expect(row).toMatchObject({ title: "Onboarding (revised)", state: "future", touchpointCount: 8 });
    expect(await t.db.select().from(mapTouchpoints).where(eq(mapTouchpoints.mapId, id))).toHaveLength(8);

    // Metrics: history + KPI actual in the live document.
    const support = after.touchpoints.find((tp) => tp.title === "Support contact")!;
    const badMetric = await metrics.POST(request("POST", `/api/v1/maps/${id}/metrics`, tokens.editor, [{ touchpointId: support.id, kpi: "Nope", value: 1 }]), params({ id }));
    expect(badMetric.status).toBe(422);
    expect((await badMetric.json()).error.fields).toHaveProperty(["0.kpi"]);
    expect((await metrics.POST(request("POST", `/api/v1/maps/${id}/metrics`, tokens.viewer, [{ touchpointId: support.id, kpi: "CSAT", value: 4.6 }]), params({ id }))).status).toBe(403);
    const posted = await metrics.POST(request("POST", `/api/v1/maps/${id}/metrics`, tokens.editor, [{ touchpointId: support.id, kpi: "CSAT", value: 4.6, at: "2026-06-01T08:00:00Z" }]), params({ id }));
    expect(posted.status).toBe(201);
    expect(readMap(await collab.getDocumentState(`map:${id}`)).touchpoints.find((tp) => tp.id === support.id)!.kpis.find((k) => k.name === "CSAT")!.actual).toBe(4.6);
    expect(await t.db.select().from(touchpointMetrics).where(eq(touchpointMetrics.mapId, id))).toHaveLength(1);

    // DELETE: viewers 403, editors 204; then gone for everyone.
    expect((await map.DELETE(request("DELETE", `/api/v1/maps/${id}`, tokens.viewer), params({ id }))).status).toBe(403);
    expect((await map.DELETE(request("DELETE", `/api/v1/maps/${id}`, tokens.outsider), params({ id }))).status).toBe(404);
    expect((await map.DELETE(request("DELETE", `/api/v1/maps/${id}`, tokens.editor), params({ id }))).status).toBe(204);
    expect((await map.GET(request("GET", `/api/v1/maps/${id}`, tokens.editor), params({ id }))).status).toBe(404);
    const [deleted] = await t.db.select().from(journeyMaps).where(eq(journeyMaps.id, id));
    expect(deleted.deletedAt).not.toBeNull();
    expect(deleted.workspaceId).toBe(workspaceId);
  });
});
