// Integration (both drivers): dashboard emotion figures under the persona filter use that persona's
// ratings (touchpoint_persona_emotions), falling back to the default emotion; journey outcomes panel.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { touchpointMetrics, touchpointPersonaEmotions } from "@/db/schema";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { createWorkspace } from "@/test/factories";
import { createMap, createPersona } from "@/test/map-factory";
import { getDashboard } from "./get-dashboard";
import { ZDashboardFilters, type TDashboardFiltersInput } from "./filters";

const NOW = new Date("2026-06-30T12:00:00Z");

describe.each(testDrivers)("dashboard figures per persona (%s)", (driver) => {
  let t: TestDatabase;
  let ws: { id: string };
  let admin: { id: string };
  let user: { id: string };
  let mapId: string;
  const dashboard = (filters: TDashboardFiltersInput = {}) => getDashboard(t.db, ws.id, ZDashboardFilters.parse(filters), { now: NOW });

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    ws = await createWorkspace(t.db, { name: "Curves" });
    const other = await createWorkspace(t.db, { name: "Other" });
    admin = await createPersona(t.db, ws.id, { name: "Admin" });
    user = await createPersona(t.db, ws.id, { name: "Daily user" });
    const stranger = await createPersona(t.db, other.id, { name: "Stranger" });
    const m = await createMap(t.db, {
      workspaceId: ws.id, title: "Onboarding", personaIds: [admin.id, user.id, stranger.id],
      stages: [{ id: "s1", name: "Setup" }, { id: "s2", name: "Use" }],
      touchpoints: [
        { id: "a", stageId: "s1", title: "Invite team", emotion: 1, personaEmotions: { [admin.id]: -3, [user.id]: 2, [stranger.id]: -3 } },
        { id: "b", stageId: "s1", title: "Configure SSO", emotion: 0, personaEmotions: { [admin.id]: -2 } },
        { id: "c", stageId: "s2", title: "First report", emotion: -1, personaEmotions: { [user.id]: 3 } },
      ],
      journeyKpis: [{ id: "nps", name: "NPS", metric: "nps", target: 40, actual: 31 }, { id: "csat", name: "CSAT", metric: "csat", target: 85 }],
    });
    mapId = m.map.id;
    await t.db.insert(touchpointMetrics).values([
      { workspaceId: ws.id, mapId, scope: "journey", touchpointId: "", kpi: "NPS", kpiId: "nps", value: 22, at: new Date("2026-04-01T00:00:00Z") },
      { workspaceId: ws.id, mapId, scope: "journey", touchpointId: "", kpi: "NPS", kpiId: "nps", value: 31, at: new Date("2026-05-01T00:00:00Z") },
      // Too old for the panel (more than 13 months before NOW).
      { workspaceId: ws.id, mapId, scope: "journey", touchpointId: "", kpi: "NPS", kpiId: "nps", value: 5, at: new Date("2024-01-01T00:00:00Z") },
    ]);
  }, 120_000);
  afterAll(async () => t?.close());

  it("projects only ratings of linked personas of the workspace", async () => {
    const rows = await t.db.select().from(touchpointPersonaEmotions).where(eq(touchpointPersonaEmotions.mapId, mapId));
    expect(rows.map((r) => `${r.touchpointId}:${r.personaId === admin.id ? "admin" : r.personaId === user.id ? "user" : "?"}:${r.emotion}`).sort()).toEqual([
      "a:admin:-3", "a:user:2", "b:admin:-2", "c:user:3",
    ]);
  });

  it("uses the default emotion without a persona filter", async () => {
    const d = await dashboard();
    expect(d.curves.curves[0].points.map((p) => p.emotion)).toEqual([1, 0, -1]);
    expect(d.worstTouchpoints[0]).toMatchObject({ touchpointId: "c", emotion: -1 });
  });

  it("uses the persona's ratings (falling back to the default) under a single-persona filter", async () => {
    const d = await dashboard({ personas: [admin.id] });
    expect(d.curves.curves[0].points.map((p) => p.emotion)).toEqual([-3, -2, -1]);
    expect(d.worstTouchpoints.map((w) => [w.touchpointId, w.emotion])).toEqual([["a", -3], ["b", -2], ["c", -1]]);
    expect(d.emotionByStage.find((r) => r.stage === "Setup")).toMatchObject({ avg: -2.5, min: -3, max: -2 });

    const u = await dashboard({ personas: [user.id] });
    expect(u.curves.curves[0].points.map((p) => p.emotion)).toEqual([2, 0, 3]);
    expect(u.worstTouchpoints[0]).toMatchObject({ touchpointId: "b", emotion: 0 });
    expect(u.emotionByStage.find((r) => r.stage === "Use")).toMatchObject({ avg: 3 });
  });

  it("keeps the default emotion when several personas are selected", async () => {
    const d = await dashboard({ personas: [admin.id, user.id] });
    expect(d.curves.curves[0].points.map((p) => p.emotion)).toEqual([1, 0, -1]);
  });

  it("shows journey KPI trends with targets, oldest first, within the last 13 months", async () => {
    const d = await dashboard();
    expect(d.journeyOutcomes.total).toBe(2);
    const nps = d.journeyOutcomes.trends.find((k) => k.kpiId === "nps")!;
    expect(nps).toMatchObject({ name: "NPS", metric: "nps", target: 40, actual: 31, mapTitle: "Onboarding" });
    expect(nps.points.map((p) => p.value)).toEqual([22, 31]);
    expect(d.journeyOutcomes.trends.find((k) => k.kpiId === "csat")!.points).toEqual([]);
    // Another workspace sees none of it.
    const none = await getDashboard(t.db, (await createWorkspace(t.db)).id, ZDashboardFilters.parse({}), { now: NOW });
    expect(none.journeyOutcomes).toEqual({ trends: [], total: 0 });
  });
});
