// Integration (both drivers): the projection of the method fields (issue 13, part A) and the
// prioritisation matrix built from it.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { journeyMaps, mapTouchpoints, touchpointOpportunities } from "@/db/schema";
import {
  addOpportunity, addStage, addTouchpoint, createMapDocument, readMap, setMomentOfTruthKind, updateTouchpointMethod,
} from "@/lib/maps/map-document";
import { projectMap } from "@/lib/maps/project-map";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { createWorkspace } from "@/test/factories";
import { NO_FILTERS, ZDashboardFilters } from "./filters";
import { getDashboard } from "./get-dashboard";
import { getPrioritisationMatrix, matrixQuadrant } from "./prioritisation-matrix";

type Opp = { text: string; impact?: number | null; effort?: number | null; status?: "open" | "in_progress" | "done"; dueDate?: string | null };

async function mapWith(db: TestDatabase["db"], workspaceId: string, title: string, opps: Record<string, Opp[]>, extra?: (doc: ReturnType<typeof createMapDocument>, ids: string[]) => void) {
  const [row] = await db.insert(journeyMaps).values({ workspaceId, title }).returning({ id: journeyMaps.id });
  const doc = createMapDocument({ title });
  const s = addStage(doc, "Onboarding", undefined, "s1");
  const ids = Object.entries(opps).map(([tp, list], i) => {
    const id = addTouchpoint(doc, s, undefined, { title: tp, department: i % 2 ? "Sales" : "Product", emotion: 1 }, `t${i + 1}`);
    for (const o of list) addOpportunity(doc, id, o);
    return id;
  });
  extra?.(doc, ids);
  await projectMap(db, { workspaceId, mapId: row.id, map: readMap(doc), initial: true });
  return row.id;
}

describe.each(testDrivers)("prioritisation matrix (%s)", (driver) => {
  let tdb: TestDatabase;
  let ws: { id: string };
  let mapA: string;
  let mapB: string;

  beforeAll(async () => {
    tdb = await createTestDatabase(driver);
    ws = await createWorkspace(tdb.db, { name: "Matrix Test" });
    const other = await createWorkspace(tdb.db, { name: "Other" });
    mapA = await mapWith(tdb.db, ws.id, "Onboarding", {
      "Welcome call": [{ text: "Shorter call", impact: 4, effort: 2, dueDate: "2026-03-31" }, { text: "Unrated idea" }],
      "Signup form": [{ text: "SSO", impact: 5, effort: 4, status: "in_progress" }, { text: "Done idea", impact: 5, effort: 1, status: "done" }],
    }, (doc, [t1, t2]) => {
      setMomentOfTruthKind(doc, t1, "wow");
      updateTouchpointMethod(doc, t2, { priority: "high", superfluous: true });
    });
    mapB = await mapWith(tdb.db, ws.id, "Renewal", { "Invoice": [{ text: "Clearer invoice", impact: 2, effort: 1 }, { text: "Half rated", impact: 3 }] });
    await mapWith(tdb.db, other.id, "Secret", { "Secret tp": [{ text: "Secret idea", impact: 5, effort: 1 }] });
  }, 180_000);
  afterAll(async () => tdb?.close());

  it("projects moment-of-truth kind, priority, superfluous and the opportunity ratings", async () => {
    const tps = await tdb.db
      .select({ id: mapTouchpoints.touchpointId, mot: mapTouchpoints.momentOfTruth, kind: mapTouchpoints.momentOfTruthKind, priority: mapTouchpoints.priority, superfluous: mapTouchpoints.superfluous })
      .from(mapTouchpoints)
      .where(eq(mapTouchpoints.mapId, mapA))
      .orderBy(mapTouchpoints.position);
    expect(tps).toEqual([
      { id: "t1", mot: true, kind: "wow", priority: null, superfluous: false },
      { id: "t2", mot: false, kind: null, priority: "high", superfluous: true },
    ]);
    const [opp] = await tdb.db
      .select({ impact: touchpointOpportunities.impact, effort: touchpointOpportunities.effort, dueDate: touchpointOpportunities.dueDate })
      .from(touchpointOpportunities)
      .where(and(eq(touchpointOpportunities.mapId, mapA), eq(touchpointOpportunities.touchpointId, "t1"), eq(touchpointOpportunities.position, 0)));
    expect(opp).toEqual({ impact: 4, effort: 2, dueDate: "2026-03-31" });
  });

  it("lists rated open opportunities of the workspace, quick wins first; counts unrated ones", async () => {
    const m = await getPrioritisationMatrix(tdb.db, ws.id, NO_FILTERS);
    expect(m.points.map((p) => [p.text, p.impact, p.effort, p.status])).toEqual([
      ["SSO", 5, 4, "in_progress"],
      ["Shorter call", 4, 2, "open"],
      ["Clearer invoice", 2, 1, "open"],
    ]);
    expect(m.points[1]).toMatchObject({ mapId: mapA, mapTitle: "Onboarding", touchpointId: "t1", touchpoint: "Welcome call", stage: "Onboarding", dueDate: "2026-03-31" });
    expect(m.unrated).toBe(2);
    expect(m.points.map(matrixQuadrant)).toEqual(["bigBet", "quickWin", "fillIn"]);
    expect(matrixQuadrant({ impact: 2, effort: 5 })).toBe("timeSink");
  });

  it("follows the dashboard filters and is part of the whole dashboard", async () => {
    const onlyB = await getPrioritisationMatrix(tdb.db, ws.id, ZDashboardFilters.parse({ maps: [mapB] }));
    expect(onlyB.points.map((p) => p.text)).toEqual(["Clearer invoice"]);
    expect(onlyB.unrated).toBe(1);
    const sales = await getPrioritisationMatrix(tdb.db, ws.id, ZDashboardFilters.parse({ department: "Sales" }));
    expect(sales.points.map((p) => p.text)).toEqual(["SSO"]);
    const all = await getDashboard(tdb.db, ws.id, NO_FILTERS);
    expect(all.matrix.points).toHaveLength(3);
  });
});
