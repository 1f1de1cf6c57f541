// Integration tests of every dashboard panel over a small, known workspace in the projection tables.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { createUser, createWorkspace } from "@/test/factories";
import { createPersona, createMap } from "@/test/map-factory";
import { getDashboard, type Dashboard } from "./get-dashboard";
import { getEmotionByStage } from "./emotion-by-stage";
import { getOverview } from "./overview";
import { getSiloHeatmap } from "./silo-heatmap";
import { getDashboardFilterOptions } from "./filter-options";
import { NO_FILTERS, ZDashboardFilters, type TDashboardFiltersInput } from "./filters";

const NOW = new Date("2026-06-30T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

async function seed(db: TestDatabase["db"]) {
  const ws = await createWorkspace(db, { name: "Acme Test" });
  const other = await createWorkspace(db, { name: "Globex Test" });
  const ada = await createUser(db, { name: "Ada" });
  const ben = await createUser(db, { name: "Ben" });
  const cem = await createUser(db, { name: "Cem" });
  const petra = await createPersona(db, ws.id, { name: "Petra" });
  const sam = await createPersona(db, ws.id, { name: "Sam" });

  const m1 = await createMap(db, {
    workspaceId: ws.id, title: "Onboarding", state: "current", ownerDepartment: "Marketing", ownerId: ada.id,
    updatedBy: ada.id, updatedAt: daysAgo(10), personaIds: [petra.id],
    stages: [{ id: "s1", name: "Discover" }, { id: "s2", name: "Onboarding" }, { id: "s3", name: "Use" }],
    touchpoints: [
      { id: "t1", stageId: "s1", title: "Ad", department: "Marketing", channel: "website", device: "phone", emotion: 2 },
      { id: "t2", stageId: "s1", title: "Website", department: "Marketing", channel: "website", device: "desktop", emotion: 1, momentOfTruth: true,
        kpis: [{ name: "Bounce rate", target: 40, actual: 55, unit: "%", higherIsBetter: false }] },
      { id: "t3", stageId: "s2", title: "Signup form", department: "Product", channel: "website", device: "desktop", emotion: -2, momentOfTruth: true, painPoints: 2,
        kpis: [{ name: "Conversion", target: 0.3, actual: 0.2 }],
        opportunities: [{ text: "Shorter form", status: "open", department: "Product" }, { text: "SSO sign-up", status: "in_progress" }] },
      { id: "t4", stageId: "s2", title: "Welcome call", department: "Sales", channel: "phone", emotion: -1,
        kpis: [{ name: "Calls within 24h", target: 90, actual: 95, unit: "%" }] },
      { id: "t5", stageId: "s3", title: "Help desk", department: "Customer Service", channel: "phone", device: "phone", emotion: null,
        kpis: [{ name: "CSAT", target: 4.5, actual: null }],
        opportunities: [{ text: "Chat bot", status: "done", department: "Customer Service" }] },
    ],
    // Gaps come from the projection: t1→t2 device, t2→t3 and t3→t4 and t4→t5 department, t3→t4 channel (handled).
    handledGaps: [{ from: "t3", to: "t4", kind: "channel" }],
  });
  const m2 = await createMap(db, {
    workspaceId: ws.id, title: "Onboarding tomorrow", state: "future", ownerDepartment: "Sales", ownerId: ben.id,
    updatedBy: ben.id, updatedAt: daysAgo(200), reviewedAt: daysAgo(120), personaIds: [sam.id],
    stages: [{ id: "a", name: "Discover" }, { id: "b", name: "Onboarding" }],
    touchpoints: [
      { id: "r1", stageId: "a", title: "Referral", department: "Sales", emotion: 3, momentOfTruth: true, kpis: [{ name: "Referrals", target: 10, actual: 12 }] },
      { id: "r2", stageId: "b", title: "Kick-off", department: "Sales", emotion: -3, momentOfTruth: true,
        kpis: [{ name: "NPS", target: 30, actual: 10 }, { name: "Time to value", target: 5, actual: 4, unit: "d", higherIsBetter: false }],
        opportunities: [{ text: "Kick-off checklist", department: "Customer Service" }, { text: "Welcome video" }] },
      { id: "r3", stageId: "b", title: "Setup", department: "Product", emotion: 0 },
    ],
  });
  const m4 = await createMap(db, {
    workspaceId: ws.id, title: "Renewal", state: "current", updatedBy: cem.id, updatedAt: daysAgo(95),
  });
  // Soft-deleted map and another workspace's map: must never show up.
  await createMap(db, {
    workspaceId: ws.id, title: "Deleted map", updatedAt: daysAgo(1), deletedAt: daysAgo(1), ownerDepartment: "Sales",
    stages: [{ id: "x", name: "Onboarding" }],
    touchpoints: [{ id: "d1", stageId: "x", title: "Deleted touchpoint", department: "Sales", emotion: -3, momentOfTruth: true,
      kpis: [{ name: "Deleted KPI", target: 1, actual: 0 }], opportunities: [{ text: "Deleted idea" }] },
      { id: "d2", stageId: "x", title: "Deleted 2", department: "Product", emotion: -3 }],
  });
  const foreign = await createMap(db, {
    workspaceId: other.id, title: "Globex secret", updatedAt: daysAgo(400), ownerDepartment: "Sales",
    stages: [{ id: "g", name: "Onboarding" }],
    touchpoints: [{ id: "g1", stageId: "g", title: "Globex touchpoint", department: "Sales", emotion: -3, momentOfTruth: true,
      kpis: [{ name: "Globex KPI", target: 1, actual: 0 }], opportunities: [{ text: "Globex idea" }] },
      { id: "g2", stageId: "g", title: "Globex 2", department: "Product", emotion: -3 }],
  });
  return { ws, other, ada, ben, cem, petra, sam, m1: m1.map, m2: m2.map, m4: m4.map, foreign: foreign.map };
}

describe.each(testDrivers)("dashboard panels (%s)", (driver) => {
  let tdb: TestDatabase;
  let s: Awaited<ReturnType<typeof seed>>;
  let all: Dashboard;
  const dashboard = (filters: TDashboardFiltersInput = {}) => getDashboard(tdb.db, s.ws.id, ZDashboardFilters.parse(filters), { now: NOW });

  beforeAll(async () => {
    tdb = await createTestDatabase(driver);
    s = await seed(tdb.db);
    all = await getDashboard(tdb.db, s.ws.id, NO_FILTERS, { now: NOW });
    // Migrating a fresh PGlite and seeding is slow on a busy 2-core machine.
  }, 180_000);
  afterAll(async () => tdb?.close());

  it("the shared touchpoint summary gives the same overview, emotion by stage and silo view as their own queries", async () => {
    const cellOrder = (a: { department: string; stage: string }, b: { department: string; stage: string }) =>
      `${a.department}/${a.stage}`.localeCompare(`${b.department}/${b.stage}`);
    const views: TDashboardFiltersInput[] = [{}, { department: "Sales" }, { stage: "Onboarding" }, { state: "future" }, { personas: [s.petra.id] }, { maps: [s.m4.id] }];
    for (const input of views) {
      const filters = ZDashboardFilters.parse(input);
      const d = await getDashboard(tdb.db, s.ws.id, filters, { now: NOW });
      expect(d.overview, JSON.stringify(input)).toEqual(await getOverview(tdb.db, s.ws.id, filters));
      expect(d.emotionByStage, JSON.stringify(input)).toEqual(await getEmotionByStage(tdb.db, s.ws.id, filters));
      const silo = await getSiloHeatmap(tdb.db, s.ws.id, filters);
      expect({ ...d.silo, cells: [...d.silo.cells].sort(cellOrder) }, JSON.stringify(input)).toEqual({ ...silo, cells: [...silo.cells].sort(cellOrder) });
    }
    // An empty scope still has a grand total (zeros), as the single overview query had.
    const none = await getDashboard(tdb.db, s.ws.id, ZDashboardFilters.parse({ stage: "No such stage" }), { now: NOW });
    expect(none.overview).toEqual({ maps: 0, touchpoints: 0, rated: 0, avgEmotion: null, momentsOfTruth: 0, negative: 0 });
    expect(none.emotionByStage).toEqual([]);
    expect(none.silo).toEqual({ departments: [], stages: [], cells: [] });
  });

  it("overview counts maps, touchpoints and the average emotion", () => {
    expect(all.overview).toEqual({ maps: 3, touchpoints: 8, rated: 7, avgEmotion: 0, momentsOfTruth: 4, negative: 3 });
  });

  it("emotion by stage: averages and spread per stage in journey order", () => {
    expect(all.emotionByStage).toEqual([
      { stage: "Discover", typicalPosition: 0, maps: 2, touchpoints: 3, rated: 3, avg: 2, min: 1, max: 3, stddev: 0.82, spread: 2 },
      { stage: "Onboarding", typicalPosition: 1, maps: 2, touchpoints: 4, rated: 4, avg: -1.5, min: -3, max: 0, stddev: 1.12, spread: 3 },
      { stage: "Use", typicalPosition: 2, maps: 1, touchpoints: 1, rated: 0, avg: null, min: null, max: null, stddev: null, spread: null },
    ]);
  });

  it("curves: one per map with touchpoints, in journey order, with personas", () => {
    expect(all.curves.mapsInScope).toBe(2);
    expect(all.curves.curves.map((c) => [c.title, c.state, c.personas])).toEqual([
      ["Onboarding", "current", ["Petra"]],
      ["Onboarding tomorrow", "future", ["Sam"]],
    ]);
    expect(all.curves.curves[0].points.map((p) => [p.step, p.title, p.emotion])).toEqual([
      [1, "Ad", 2], [2, "Website", 1], [3, "Signup form", -2], [4, "Welcome call", -1], [5, "Help desk", null],
    ]);
    expect(all.curves.curves[1].points.map((p) => p.momentOfTruth)).toEqual([true, true, false]);
  });

  it("worst touchpoints: lowest emotion first, with map, stage and department", () => {
    expect(all.worstTouchpoints.map((t) => [t.title, t.emotion])).toEqual([
      ["Kick-off", -3], ["Signup form", -2], ["Welcome call", -1], ["Setup", 0], ["Website", 1], ["Ad", 2], ["Referral", 3],
    ]);
    expect(all.worstTouchpoints[0]).toMatchObject({
      mapId: s.m2.id, mapTitle: "Onboarding tomorrow", touchpointId: "r2", stage: "Onboarding", department: "Sales", momentOfTruth: true,
    });
  });

  it("moments of truth at risk: negative emotion or a missed KPI", () => {
    expect(all.momentsOfTruth.total).toBe(4);
    expect(all.momentsOfTruth.atRisk.map((m) => [m.title, m.emotion, m.kpis, m.missedKpis, m.missedKpiNames])).toEqual([
      ["Kick-off", -3, 2, 1, ["NPS"]],
      ["Signup form", -2, 1, 1, ["Conversion"]],
      ["Website", 1, 1, 1, ["Bounce rate"]],
    ]);
  });

  it("KPI attainment: measured KPIs missed first, share on target per department", () => {
    const k = all.kpiAttainment;
    expect([k.total, k.onTarget]).toEqual([6, 3]);
    expect(k.kpis.map((x) => [x.name, x.onTarget])).toEqual([
      ["NPS", false], ["Bounce rate", false], ["Conversion", false],
      ["Referrals", true], ["Time to value", true], ["Calls within 24h", true],
    ]);
    expect(k.kpis[0]).toMatchObject({ target: 30, actual: 10, department: "Sales", touchpoint: "Kick-off", mapId: s.m2.id });
    expect(k.byDepartment).toEqual([
      { department: "Marketing", kpis: 1, onTarget: 0, missed: 1, share: 0 },
      { department: "Product", kpis: 1, onTarget: 0, missed: 1, share: 0 },
      { department: "Sales", kpis: 4, onTarget: 3, missed: 1, share: 0.75 },
    ]);
  });

  it("optimisation backlog by department and status", () => {
    expect(all.backlog.rows).toEqual([
      { department: "Product", open: 1, inProgress: 1, done: 0, total: 2 },
      { department: "Customer Service", open: 1, inProgress: 0, done: 1, total: 2 },
      { department: "Sales", open: 1, inProgress: 0, done: 0, total: 1 },
    ]);
    expect(all.backlog.totals).toEqual({ open: 3, inProgress: 1, done: 1, total: 5 });
  });

  it("gaps: open gaps by kind and department hand-overs", () => {
    expect(all.gaps.total).toBe(5);
    expect(all.gaps.byKind).toEqual([
      { kind: "department", open: 4, maps: 2 },
      { kind: "device", open: 1, maps: 1 },
      { kind: "channel", open: 0, maps: 0 },
    ]);
    expect(all.gaps.handovers).toEqual([
      { from: "Marketing", to: "Product", open: 1, maps: 1, avgEmotionAfter: -2 },
      { from: "Product", to: "Sales", open: 1, maps: 1, avgEmotionAfter: -1 },
      { from: "Sales", to: "Customer Service", open: 1, maps: 1, avgEmotionAfter: null },
      { from: "Sales", to: "Product", open: 1, maps: 1, avgEmotionAfter: 0 },
    ]);
  });

  it("silo heatmap: departments × stages with count and average emotion", () => {
    expect(all.silo.departments).toEqual(["Sales", "Marketing", "Product", "Customer Service"]);
    expect(all.silo.stages).toEqual(["Discover", "Onboarding", "Use"]);
    const cells = [...all.silo.cells].sort((a, b) => `${a.department}/${a.stage}`.localeCompare(`${b.department}/${b.stage}`));
    expect(cells).toEqual([
      { department: "Customer Service", stage: "Use", touchpoints: 1, rated: 0, avgEmotion: null },
      { department: "Marketing", stage: "Discover", touchpoints: 2, rated: 2, avgEmotion: 1.5 },
      { department: "Product", stage: "Onboarding", touchpoints: 2, rated: 2, avgEmotion: -1 },
      { department: "Sales", stage: "Discover", touchpoints: 1, rated: 1, avgEmotion: 3 },
      { department: "Sales", stage: "Onboarding", touchpoints: 2, rated: 2, avgEmotion: -2 },
    ]);
  });

  it("freshness: maps neither changed nor reviewed for 90+ days, oldest first, with owner", () => {
    expect(all.freshness.maps).toBe(3);
    expect(all.freshness.staleCount).toBe(2);
    expect(all.freshness.stale.map((m) => [m.title, m.daysStale, m.ownerName, m.ownerDepartment])).toEqual([
      ["Onboarding tomorrow", 120, "Ben", "Sales"],
      ["Renewal", 95, null, null],
    ]);
  });

  it("activity: who changed which map, most recent first", () => {
    expect(all.activity.recent.map((r) => [r.title, r.userName])).toEqual([
      ["Onboarding", "Ada"], ["Renewal", "Cem"], ["Onboarding tomorrow", "Ben"],
    ]);
    expect(all.activity.recent[0].updatedAt).toEqual(daysAgo(10));
    expect(all.activity.people.map((p) => [p.name, p.maps])).toEqual([["Ada", 1], ["Cem", 1], ["Ben", 1]]);
    expect(all.activity.people[0].lastChange).toEqual(daysAgo(10));
  });

  it("never shows soft-deleted maps or another workspace's data", async () => {
    const json = JSON.stringify(all);
    for (const secret of ["Deleted", "Globex", s.foreign.id]) expect(json).not.toContain(secret);
    const theirs = await getDashboard(tdb.db, s.other.id, NO_FILTERS, { now: NOW });
    const theirJson = JSON.stringify(theirs);
    for (const ours of ["Onboarding tomorrow", "Kick-off", "Petra", s.m1.id]) expect(theirJson).not.toContain(ours);
    expect(theirs.overview.touchpoints).toBe(2);
  });

  it("filter by state narrows every panel to future-state maps", async () => {
    const d = await dashboard({ state: "future" });
    expect(d.overview).toMatchObject({ maps: 1, touchpoints: 3 });
    expect(d.emotionByStage.map((r) => [r.stage, r.avg])).toEqual([["Discover", 3], ["Onboarding", -1.5]]);
    expect(d.curves.curves.map((c) => c.mapId)).toEqual([s.m2.id]);
    expect(d.kpiAttainment.total).toBe(3);
    expect(d.backlog.totals.total).toBe(2);
    expect(d.gaps.total).toBe(1);
    expect(d.freshness.stale.map((m) => m.title)).toEqual(["Onboarding tomorrow"]);
  });

  it("filter by persona keeps that persona's maps", async () => {
    const d = await dashboard({ personas: [s.petra.id] });
    expect(d.curves.curves.map((c) => c.title)).toEqual(["Onboarding"]);
    expect(d.emotionByStage.map((r) => [r.stage, r.avg])).toEqual([["Discover", 1.5], ["Onboarding", -1.5], ["Use", null]]);
    expect(d.worstTouchpoints[0].title).toBe("Signup form");
    const both = await dashboard({ personas: [s.petra.id, s.sam.id] });
    expect(both.overview.touchpoints).toBe(8);
  });

  it("filter by department narrows touchpoints, KPIs, opportunities and gaps", async () => {
    const d = await dashboard({ department: "Sales" });
    expect(d.overview).toMatchObject({ touchpoints: 3, maps: 2 });
    expect(d.silo.departments).toEqual(["Sales"]);
    expect(d.kpiAttainment.byDepartment).toEqual([{ department: "Sales", kpis: 4, onTarget: 3, missed: 1, share: 0.75 }]);
    expect(d.worstTouchpoints.map((t) => t.title)).toEqual(["Kick-off", "Welcome call", "Referral"]);
    expect(d.backlog.rows).toEqual([{ department: "Sales", open: 1, inProgress: 0, done: 0, total: 1 }]);
    expect(d.gaps.handovers.map((h) => `${h.from}>${h.to}`)).toEqual(["Product>Sales", "Sales>Customer Service", "Sales>Product"]);
    expect(d.freshness.stale.map((m) => m.title)).toEqual(["Onboarding tomorrow"]);
    expect(d.curves.curves[0].points.map((p) => p.title)).toEqual(["Welcome call"]);
  });

  it("filter by stage keeps that stage's touchpoints and the gaps touching it", async () => {
    const d = await dashboard({ stage: "Onboarding" });
    expect(d.emotionByStage.map((r) => r.stage)).toEqual(["Onboarding"]);
    expect(d.silo.stages).toEqual(["Onboarding"]);
    expect(d.gaps.byKind.find((k) => k.kind === "device")?.open).toBe(0);
    expect(d.gaps.byKind.find((k) => k.kind === "department")?.open).toBe(4);
    expect(d.momentsOfTruth.atRisk.map((m) => m.title)).toEqual(["Kick-off", "Signup form"]);
    expect(d.activity.recent.map((r) => r.title)).toEqual(["Onboarding", "Onboarding tomorrow"]);
  });

  it("filter by map ids and by change date", async () => {
    const one = await dashboard({ maps: [s.m2.id] });
    expect(one.overview.touchpoints).toBe(3);
    expect(one.worstTouchpoints[0].title).toBe("Kick-off");
    const recent = await dashboard({ since: daysAgo(30).toISOString() });
    expect(recent.overview).toMatchObject({ maps: 1, touchpoints: 5 });
    expect(recent.activity.recent.map((r) => r.title)).toEqual(["Onboarding"]);
    const none = await dashboard({ maps: [s.foreign.id] });
    expect(none.overview).toMatchObject({ maps: 0, touchpoints: 0 });
    expect(none.worstTouchpoints).toEqual([]);
  });

  it("filter options list the workspace's personas, departments, stages and maps", async () => {
    const options = await getDashboardFilterOptions(tdb.db, s.ws.id);
    expect(options.personas.map((p) => p.name)).toEqual(["Petra", "Sam"]);
    expect(options.departments).toEqual(["Customer Service", "Marketing", "Product", "Sales"]);
    expect(options.stages).toEqual(["Discover", "Onboarding", "Use"]);
    expect(options.maps.map((m) => m.title)).toEqual(["Onboarding", "Onboarding tomorrow", "Renewal"]);
  });
});

describe("ZDashboardFilters", () => {
  it("accepts repeated ids and a date, rejects bad values", () => {
    const id = "3f6f1c1e-2b7d-4f5e-9a51-0c2a8e1d7b11";
    expect(ZDashboardFilters.parse({ personas: id, maps: [id, id], since: "2026-01-02", state: "" })).toMatchObject({
      personas: [id], maps: [id, id], since: new Date("2026-01-02T00:00:00Z"), state: undefined,
    });
    expect(ZDashboardFilters.safeParse({ state: "past" }).success).toBe(false);
    expect(ZDashboardFilters.safeParse({ personas: ["not-a-uuid"] }).success).toBe(false);
    expect(ZDashboardFilters.safeParse({ since: "yesterday" }).success).toBe(false);
    expect(ZDashboardFilters.safeParse({ stage: ["a", "b"] }).success).toBe(false);
  });
});
