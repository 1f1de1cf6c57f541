// The shared dashboard cache must never serve figures older than the data: every change the panels
// can show (a projection rewrite, a delete, a review, a persona rename) makes the next read recompute.
import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { departments, journeyMaps, personas } from "@/db/schema";
import { applyExport, MAP_EXPORT_FORMAT, readMap, ZMapExport } from "@/lib/maps/map-document";
import { projectMap } from "@/lib/maps/project-map";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { createWorkspace } from "@/test/factories";
import { createMap, createPersona } from "@/test/map-factory";
import { clearDashboardCache, dashboardDataVersion, getDashboardCached, getDashboardJsonCached, getDashboardPageData } from "./cached-dashboard";
import { NO_FILTERS, ZDashboardFilters } from "./filters";

describe.each(testDrivers)("cached dashboard (%s)", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
    clearDashboardCache();
  }, 180_000);
  afterAll(async () => t?.close());

  it("recomputes after a projection rewrite, a delete, a review and a persona change; shares one result otherwise", async () => {
    const ws = await createWorkspace(t.db);
    const other = await createWorkspace(t.db);
    const persona = await createPersona(t.db, ws.id, { name: "Petra" });
    const stages = [{ id: "s", name: "Use" }];
    const { map } = await createMap(t.db, { workspaceId: ws.id, title: "One", personaIds: [persona.id], stages, touchpoints: [{ stageId: "s", title: "A", emotion: -2 }] });
    await createMap(t.db, { workspaceId: ws.id, title: "Two", stages, touchpoints: [{ stageId: "s", title: "B", emotion: 2 }] });

    const first = await getDashboardCached(t.db, ws.id, NO_FILTERS);
    expect(first.overview).toMatchObject({ maps: 2, touchpoints: 2, avgEmotion: 0 });
    // Unchanged data: the very same result object, also for an equal filter written differently.
    expect(await getDashboardCached(t.db, ws.id, ZDashboardFilters.parse({}))).toBe(first);
    // Another workspace's change does not touch this workspace's version.
    const before = await dashboardDataVersion(t.db, ws.id);
    await createMap(t.db, { workspaceId: other.id, title: "Elsewhere" });
    expect(await dashboardDataVersion(t.db, ws.id)).toBe(before);

    // The projection rewrites map One (as after a live edit): new emotion.
    const doc = new Y.Doc();
    applyExport(doc, ZMapExport.parse({ format: MAP_EXPORT_FORMAT, title: "One", personaIds: [persona.id], stages, touchpoints: [{ stageId: "s", title: "A", emotion: 1 }] }));
    await projectMap(t.db, { workspaceId: ws.id, mapId: map.id, map: readMap(doc) });
    const afterEdit = await getDashboardCached(t.db, ws.id, NO_FILTERS);
    expect(afterEdit.overview.avgEmotion).toBe(1.5);

    await t.db.update(personas).set({ name: "Petra Neu", updatedAt: new Date() }).where(eq(personas.id, persona.id));
    const afterRename = await getDashboardCached(t.db, ws.id, NO_FILTERS);
    expect(afterRename.curves.curves.find((c) => c.mapId === map.id)?.personas).toEqual(["Petra Neu"]);

    await t.db.update(journeyMaps).set({ reviewedAt: new Date() }).where(eq(journeyMaps.id, map.id));
    expect(await getDashboardCached(t.db, ws.id, NO_FILTERS)).not.toBe(afterRename);

    await t.db.update(journeyMaps).set({ deletedAt: new Date() }).where(eq(journeyMaps.id, map.id));
    const afterDelete = await getDashboardCached(t.db, ws.id, NO_FILTERS);
    expect(afterDelete.overview).toMatchObject({ maps: 1, touchpoints: 1, avgEmotion: 2 });
  });

  it("the page's filter options are cached with the dashboard and follow map, persona and department changes; the JSON is the dashboard's", async () => {
    const ws = await createWorkspace(t.db);
    const stages = [{ id: "s", name: "Use" }];
    const { map } = await createMap(t.db, { workspaceId: ws.id, title: "One", stages, touchpoints: [{ stageId: "s", title: "A", department: "Sales", emotion: -1 }] });
    const first = await getDashboardPageData(t.db, ws.id, NO_FILTERS);
    expect(first.options.departments).toEqual(["Sales"]);
    expect((await getDashboardPageData(t.db, ws.id, NO_FILTERS)).options).toBe(first.options);
    // The same view's JSON is the dashboard's, serialised once.
    const json = await getDashboardJsonCached(t.db, ws.id, NO_FILTERS);
    expect(json).toBe(JSON.stringify(await getDashboardCached(t.db, ws.id, NO_FILTERS)));
    expect(await getDashboardJsonCached(t.db, ws.id, NO_FILTERS)).toBe(json);

    // A department added in the settings shows in the filter bar on the next read.
    await t.db.insert(departments).values({ workspaceId: ws.id, name: "Finance" });
    const afterDept = await getDashboardPageData(t.db, ws.id, NO_FILTERS);
    expect(afterDept.options.departments).toEqual(["Finance", "Sales"]);

    // A live edit renames the stage and the map: both the options and the JSON follow.
    const doc = new Y.Doc();
    applyExport(doc, ZMapExport.parse({ format: MAP_EXPORT_FORMAT, title: "One renamed", stages: [{ id: "s", name: "Renewal" }], touchpoints: [{ stageId: "s", title: "A", department: "Sales", emotion: 2 }] }));
    await projectMap(t.db, { workspaceId: ws.id, mapId: map.id, map: readMap(doc) });
    const afterEdit = await getDashboardPageData(t.db, ws.id, NO_FILTERS);
    expect(afterEdit.options.stages).toEqual(["Renewal"]);
    expect(afterEdit.options.maps.map((m) => m.title)).toEqual(["One renamed"]);
    expect(afterEdit.dashboard.overview.avgEmotion).toBe(2);
    const jsonAfter = await getDashboardJsonCached(t.db, ws.id, NO_FILTERS);
    expect(jsonAfter).not.toBe(json);
    expect(JSON.parse(jsonAfter).overview.avgEmotion).toBe(2);
  });
});
