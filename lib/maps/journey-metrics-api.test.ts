// Integration (both drivers): journey KPIs through the REST API — PUT with journeyKpis and persona
// emotions, POST metrics with timestamps (history + newest actual), GET history series, and who may.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { createTeam, createUser, addMember } from "@/test/factories";
import { setDatabase } from "@/db/client";
import { mapJourneyKpis, touchpointMetrics } from "@/db/schema";
import { createInProcessLiveDocuments, startCollabService, type CollabService } from "@/collab/index";
import { setLiveDocuments } from "@/lib/live-documents/port";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { readMap, type MapExportOutput } from "./map-document";
import { getKpiHistory } from "./get-kpi-history";

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

describe.each(testDrivers)("journey KPIs through the metrics API on %s", (driver) => {
  let t: TestDatabase;
  let collab: CollabService;
  let tokens: { editor: string; viewer: string; outsider: string };
  let id: string;
  let workspaceId: string;

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    setDatabase({ db: t.db, driver: t.driver, close: async () => {} });
    collab = await startCollabService({ db: t.db, redisUrl: null, allowedOrigins: [], register: true });
    setLiveDocuments(createInProcessLiveDocuments(collab));
    const team = await createTeam(t.db);
    workspaceId = team.workspace.id;
    const outsider = await createUser(t.db);
    const elsewhere = await createTeam(t.db);
    await addMember(t.db, elsewhere.workspace.id, outsider.id, "owner");
    const tok = async (userId: string) => (await createAccessToken(t.db, { userId, name: "test", expiresInDays: 30 })).token;
    tokens = { editor: await tok(team.editor.id), viewer: await tok(team.viewer.id), outsider: await tok(outsider.id) };
    const slug = team.workspace.slug;
    const created = await maps.POST(request("POST", `/api/v1/workspaces/${slug}/maps`, tokens.editor, { title: "Outcomes", template: "saas-b2b" }), params({ slug }));
    id = (await created.json()).id;
  }, 180_000);
  afterAll(async () => {
    setLiveDocuments(null);
    await collab?.close();
    await t?.close();
  });

  it("round-trips journey KPIs and persona emotions through GET/PUT", async () => {
    const exported = (await (await map.GET(request("GET", `/api/v1/maps/${id}`, tokens.editor), params({ id }))).json()) as MapExportOutput;
    expect(exported.journeyKpis).toEqual([]);
    const next = structuredClone(exported);
    next.journeyKpis = [
      { id: "nps", name: "NPS", metric: "nps", target: 40, actual: null, unit: "", higherIsBetter: true },
      { id: "csat", name: "CSAT", metric: "csat", target: 85, actual: null, unit: "%", higherIsBetter: true },
    ];
    next.touchpoints[0].personaEmotions = { "11111111-1111-4111-8111-111111111111": -2 };
    expect((await map.PUT(request("PUT", `/api/v1/maps/${id}`, tokens.editor, next), params({ id }))).status).toBe(200);
    const after = (await (await map.GET(request("GET", `/api/v1/maps/${id}`, tokens.editor), params({ id }))).json()) as MapExportOutput;
    expect(after.journeyKpis).toEqual(next.journeyKpis);
    expect(after.touchpoints[0].personaEmotions).toEqual({ "11111111-1111-4111-8111-111111111111": -2 });
    expect((await t.db.select().from(mapJourneyKpis).where(eq(mapJourneyKpis.mapId, id))).map((k) => k.name)).toEqual(["NPS", "CSAT"]);
  });

  it("stores journey values with timestamps, sets the newest as actual and answers the history", async () => {
    const post = (token: string, body: unknown) => metrics.POST(request("POST", `/api/v1/maps/${id}/metrics`, token, body), params({ id }));
    const posted = await post(tokens.editor, [
      { scope: "journey", kpi: "nps", value: 31, at: "2026-05-01T00:00:00Z" },
      { scope: "journey", kpi: "NPS", value: 22, at: "2026-03-01T00:00:00Z" },
      { scope: "journey", kpi: "csat", value: 80, at: "2026-05-01T00:00:00+02:00" },
    ]);
    expect(posted.status).toBe(201);
    expect(await posted.json()).toEqual({ stored: 3, updatedKpis: 2 });
    // A late upload of an older value does not replace the newer actual.
    expect((await post(tokens.editor, [{ scope: "journey", kpi: "NPS", value: 10, at: "2026-01-01T00:00:00Z" }])).status).toBe(201);
    const live = readMap(await collab.getDocumentState(`map:${id}`));
    expect(live.journeyKpis.map((k) => [k.name, k.actual])).toEqual([["NPS", 31], ["CSAT", 80]]);
    const [projected] = await t.db.select().from(mapJourneyKpis).where(eq(mapJourneyKpis.kpiId, "nps"));
    expect(projected.actual).toBe(31);

    // Trend query: one series per KPI, oldest first; narrowed by kpi (name or id).
    const all = await getKpiHistory(t.db, { workspaceId, mapId: id, scope: "journey" });
    const nps = all.find((s) => s.kpiId === "nps")!;
    expect(nps.points.map((p) => p.value)).toEqual([10, 22, 31]);
    expect(nps.points[0].at).toBe("2026-01-01T00:00:00.000Z");
    const res = await metrics.GET(request("GET", `/api/v1/maps/${id}/metrics?scope=journey&kpi=CSAT`, tokens.viewer), params({ id }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.series).toHaveLength(1);
    expect(body.series[0]).toMatchObject({ scope: "journey", touchpointId: "", kpi: "CSAT", kpiId: "csat", points: [{ at: "2026-04-30T22:00:00.000Z", value: 80 }] });
    const since = await (await metrics.GET(request("GET", `/api/v1/maps/${id}/metrics?kpi=nps&since=2026-02-01`, tokens.viewer), params({ id }))).json();
    expect(since.series[0].points.map((p: { value: number }) => p.value)).toEqual([22, 31]);
  });

  it("rejects bad input, viewers and other workspaces; stores nothing then", async () => {
    const before = (await t.db.select().from(touchpointMetrics).where(eq(touchpointMetrics.mapId, id))).length;
    const post = (token: string, body: unknown, mapId = id) => metrics.POST(request("POST", `/api/v1/maps/${mapId}/metrics`, token, body), params({ id: mapId }));
    // Unknown journey KPI, missing touchpointId, bad timestamp, bad JSON, bad scope: 422 (the API's status for invalid input).
    const unknown = await post(tokens.editor, [{ scope: "journey", kpi: "NPS", value: 1 }, { scope: "journey", kpi: "Likes", value: 1 }]);
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).error.fields).toHaveProperty(["1.kpi"]);
    expect((await post(tokens.editor, [{ kpi: "NPS", value: 1 }])).status).toBe(422);
    expect((await post(tokens.editor, [{ scope: "journey", kpi: "NPS", value: 1, at: "yesterday" }])).status).toBe(422);
    expect((await post(tokens.editor, [{ scope: "planet", kpi: "NPS", value: 1 }])).status).toBe(422);
    expect((await post(tokens.editor, "{not json")).status).toBe(422);
    expect((await post(tokens.editor, [])).status).toBe(422);
    expect((await metrics.GET(request("GET", `/api/v1/maps/${id}/metrics?scope=planet`, tokens.viewer), params({ id }))).status).toBe(422);
    // Viewers read but may not write; another workspace's member gets 404 for both.
    expect((await post(tokens.viewer, [{ scope: "journey", kpi: "NPS", value: 1 }])).status).toBe(403);
    expect((await post(tokens.outsider, [{ scope: "journey", kpi: "NPS", value: 1 }])).status).toBe(404);
    expect((await metrics.GET(request("GET", `/api/v1/maps/${id}/metrics`, tokens.outsider), params({ id }))).status).toBe(404);
    expect((await post(tokens.editor, [{ scope: "journey", kpi: "NPS", value: 1 }], "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await t.db.select().from(touchpointMetrics).where(eq(touchpointMetrics.mapId, id))).length).toBe(before);
  });
});
