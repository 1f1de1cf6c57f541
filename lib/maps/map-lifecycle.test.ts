// Integration: map lifecycle, list queries, metrics and the relational projection on real databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { createTeam } from "@/test/factories";
import type { Database } from "@/db/client";
import { findMap, listDeletedMaps, listMaps } from "@/db/queries/maps";
import {
  collabDocuments, journeyMaps, mapGaps, mapPersonas, mapStages, mapTouchpoints, personas, touchpointKpis, touchpointMetrics, touchpointOpportunities,
} from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createMap } from "./create-map";
import { deleteMap } from "./delete-map";
import { duplicateMap } from "./duplicate-map";
import {
  addOpportunity, addStage, addTouchpoint, computeGaps, kpiOnTarget, moveTouchpoint, readMap, removeTouchpoint, setEmotion, setGapHandled,
  summarizeEmotions, toExport, updateKpi, updateTouchpointField, type MapData,
} from "./map-document";
import { editMapDocument, readMapDocument } from "./map-documents";
import { markMapReviewed } from "./mark-map-reviewed";
import { onMapChanged, projectMap } from "./project-map";
import { purgeDeletedMaps } from "./purge-deleted-maps";
import { recordMapMetrics } from "./record-map-metrics";
import { renameMap } from "./rename-map";
import { restoreMap } from "./restore-map";
import { updateMapSettings } from "./update-map-settings";

async function expectAppError(promise: Promise<unknown>, code: string) {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

/** Asserts that every projection table says exactly what the document says. */
async function expectProjectionMatches(db: Database, mapId: string, map: MapData) {
  const stages = await db.select().from(mapStages).where(eq(mapStages.mapId, mapId)).orderBy(asc(mapStages.position));
  expect(stages.map((s) => [s.stageId, s.name])).toEqual(map.stages.map((s) => [s.id, s.name]));
  const tps = await db.select().from(mapTouchpoints).where(eq(mapTouchpoints.mapId, mapId));
  const stagePos = new Map(map.stages.map((s, i) => [s.id, i]));
  tps.sort((a, b) => stagePos.get(a.stageId)! - stagePos.get(b.stageId)! || a.position - b.position);
  expect(
    tps.map((t) => ({ id: t.touchpointId, stageId: t.stageId, title: t.title, channel: t.channel, device: t.device, department: t.department, owner: t.owner, emotion: t.emotion, momentOfTruth: t.momentOfTruth, systems: t.systems })),
  ).toEqual(
    map.touchpoints.map((t) => ({ id: t.id, stageId: t.stageId, title: t.title, channel: t.channel, device: t.device, department: t.department, owner: t.owner, emotion: t.emotion, momentOfTruth: t.momentOfTruth, systems: t.systems })),
  );
  const kpis = await db.select().from(touchpointKpis).where(eq(touchpointKpis.mapId, mapId));
  const expectedKpis = map.touchpoints.flatMap((t) => t.kpis.map((k) => ({ tp: t.id, name: k.name, target: k.target, actual: k.actual, onTarget: kpiOnTarget(k) })));
  expect(kpis.map((k) => ({ tp: k.touchpointId, name: k.name, target: k.target, actual: k.actual, onTarget: k.onTarget })).sort((a, b) => (a.tp + a.name).localeCompare(b.tp + b.name))).toEqual(
    expectedKpis.sort((a, b) => (a.tp + a.name).localeCompare(b.tp + b.name)),
  );
  const opps = await db.select().from(touchpointOpportunities).where(eq(touchpointOpportunities.mapId, mapId));
  expect(opps.map((o) => o.text).sort()).toEqual(map.touchpoints.flatMap((t) => t.opportunities.map((o) => o.text)).sort());
  const gaps = await db.select().from(mapGaps).where(eq(mapGaps.mapId, mapId));
  const key = (g: { fromTouchpointId: string; toTouchpointId: string; kind: string; handled: boolean }) => `${g.fromTouchpointId}>${g.toTouchpointId}:${g.kind}:${g.handled}`;
  expect(gaps.map(key).sort()).toEqual(computeGaps(map).map(key).sort());
  const [row] = await db.select().from(journeyMaps).where(eq(journeyMaps.id, mapId));
  const emotions = summarizeEmotions(map);
  expect(row).toMatchObject({ title: map.title, state: map.state, touchpointCount: map.touchpoints.length, emotionCurve: emotions.curve });
  expect(row.avgEmotion).toBeCloseTo(emotions.average ?? NaN);
}

describe.each(testDrivers)("maps on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it("creates a map from a template with its document and projection", async () => {
    const { workspace, editor } = await createTeam(t.db);
    const map = await createMap(t.db, { workspaceId: workspace.id, userId: editor.id, title: "SaaS onboarding", template: "saas-b2b", locale: "de" });
    expect(map).toMatchObject({ title: "SaaS onboarding", state: "current", touchpointCount: 9, templateKey: "saas-b2b" });
    const [doc] = await t.db.select().from(collabDocuments).where(eq(collabDocuments.name, `map:${map.id}`));
    expect(doc.workspaceId).toBe(workspace.id);
    const data = readMap(await readMapDocument(t.db, workspace.id, map.id));
    expect(data.stages[0].name).toBe("Aufmerksamkeit");
    await expectProjectionMatches(t.db, map.id, data);
    const blank = await createMap(t.db, { workspaceId: workspace.id, userId: editor.id, title: "Blank" });
    expect(blank.touchpointCount).toBe(0);
    expect(readMap(await readMapDocument(t.db, workspace.id, blank.id)).stages).toHaveLength(1);
  });

  it("projection matches the document after edits (through the change hook)", async () => {
    const { workspace, editor } = await createTeam(t.db);
    const map = await createMap(t.db, { workspaceId: workspace.id, userId: editor.id, title: "Shop", template: "ecommerce", locale: "en" });
    let edited: MapData | null = null;
    await editMapDocument(t.db, workspace.id, map.id, (doc) => {
      const m = readMap(doc);
      const [first, second, third] = m.touchpoints;
      updateTouchpointField(doc, first.id, "title", "Instagram story ad");
      setEmotion(doc, second.id, -3);
      moveTouchpoint(doc, third.id, m.stages[0].id, 0);
      removeTouchpoint(doc, m.touchpoints[4].id);
      const s = addStage(doc, "Loyalty");
      const tp = addTouchpoint(doc, s, undefined, { title: "Loyalty card", channel: "Store", device: "In person", department: "Sales", kpis: [{ name: "Members", target: 1000, actual: 1200 }] });
      addOpportunity(doc, tp, { text: "Digital card in the app", owner: "Cem", status: "in_progress" });
      updateKpi(doc, m.touchpoints[2].id, m.touchpoints[2].kpis[0].id, { actual: 35 });
      const gap = computeGaps(readMap(doc))[0];
      setGapHandled(doc, gap, true, "Handled in the workshop");
    });
    const doc = await readMapDocument(t.db, workspace.id, map.id);
    edited = readMap(doc);
    // What the sync service does after a stored change (debounced): call the registered hook.
    await onMapChanged(t.db, `map:${map.id}`, doc, { workspaceId: workspace.id, userIds: [editor.id] });
    await expectProjectionMatches(t.db, map.id, edited);
    const [row] = await t.db.select().from(journeyMaps).where(eq(journeyMaps.id, map.id));
    expect(row.updatedBy).toBe(editor.id);
    expect((await t.db.select().from(mapGaps).where(and(eq(mapGaps.mapId, map.id), eq(mapGaps.handled, true)))).map((g) => g.note)).toEqual(["Handled in the workshop"]);
    // Other documents and foreign workspaces are ignored.
    await onMapChanged(t.db, `persona:${map.id}`, doc, { workspaceId: workspace.id });
    expect(await projectMap(t.db, { workspaceId: "00000000-0000-4000-8000-000000000000", mapId: map.id, map: { ...edited, touchpoints: [] } })).toBe(false);
    expect((await findMap(t.db, workspace.id, map.id))!.touchpointCount).toBe(edited.touchpoints.length);
  });

  it("renames, duplicates, deletes and restores", async () => {
    const { workspace, editor } = await createTeam(t.db);
    const other = await createTeam(t.db);
    const map = await createMap(t.db, { workspaceId: workspace.id, userId: editor.id, title: "Cycle", template: "relationship-cycle" });
    await renameMap(t.db, { workspaceId: workspace.id, mapId: map.id, title: "Relationship cycle", userId: editor.id });
    expect(readMap(await readMapDocument(t.db, workspace.id, map.id)).title).toBe("Relationship cycle");
    expect((await findMap(t.db, workspace.id, map.id))!.title).toBe("Relationship cycle");
    await expectAppError(renameMap(t.db, { workspaceId: other.workspace.id, mapId: map.id, title: "x", userId: null }), "not_found");

    const copy = await duplicateMap(t.db, { workspaceId: workspace.id, mapId: map.id, userId: editor.id, title: "Relationship cycle (copy)" });
    expect(copy.id).not.toBe(map.id);
    const original = toExport(await readMapDocument(t.db, workspace.id, map.id), "x");
    const copied = toExport(await readMapDocument(t.db, workspace.id, copy.id), "x");
    expect(copied).toEqual({ ...original, title: "Relationship cycle (copy)" });
    expect(copy).toMatchObject({ cyclic: true, touchpointCount: 5 });

    await deleteMap(t.db, { workspaceId: workspace.id, mapId: map.id, userId: editor.id });
    expect((await listMaps(t.db, workspace.id)).map((m) => m.id)).toEqual([copy.id]);
    expect((await listDeletedMaps(t.db, workspace.id)).map((m) => m.id)).toEqual([map.id]);
    expect(await findMap(t.db, workspace.id, map.id)).toBeNull();
    await expectAppError(deleteMap(t.db, { workspaceId: workspace.id, mapId: map.id, userId: null }), "not_found");
    await expectAppError(restoreMap(t.db, { workspaceId: other.workspace.id, mapId: map.id, userId: null }), "not_found");
    await restoreMap(t.db, { workspaceId: workspace.id, mapId: map.id, userId: editor.id });
    expect((await listMaps(t.db, workspace.id)).map((m) => m.id).sort()).toEqual([map.id, copy.id].sort());

    // Beyond the restore window a deleted map is gone from "Recently deleted" and cannot be restored.
    await t.db.update(journeyMaps).set({ deletedAt: new Date(Date.now() - 31 * 24 * 3600 * 1000) }).where(eq(journeyMaps.id, copy.id));
    expect(await listDeletedMaps(t.db, workspace.id)).toEqual([]);
    await expectAppError(restoreMap(t.db, { workspaceId: workspace.id, mapId: copy.id, userId: null }), "not_found");
    // …and the purge removes it for good (row, projection, document); live and recently deleted maps stay.
    expect(await purgeDeletedMaps(t.db)).toBe(1);
    expect(await t.db.select().from(journeyMaps).where(eq(journeyMaps.id, copy.id))).toEqual([]);
    expect(await t.db.select().from(mapTouchpoints).where(eq(mapTouchpoints.mapId, copy.id))).toEqual([]);
    expect(await t.db.select().from(collabDocuments).where(eq(collabDocuments.name, `map:${copy.id}`))).toEqual([]);
    expect((await findMap(t.db, workspace.id, map.id))!.id).toBe(map.id);

    const reviewedAt = await markMapReviewed(t.db, { workspaceId: workspace.id, mapId: map.id });
    expect((await findMap(t.db, workspace.id, map.id))!.reviewedAt!.getTime()).toBe(reviewedAt.getTime());
  });

  it("filters the list by search text, persona, state, owner department and last change", async () => {
    const { workspace, editor } = await createTeam(t.db);
    const other = await createTeam(t.db);
    const [persona] = await t.db.insert(personas).values({ workspaceId: workspace.id, name: "Ines" }).returning();
    const [foreignPersona] = await t.db.insert(personas).values({ workspaceId: other.workspace.id, name: "Oz" }).returning();
    const saas = await createMap(t.db, { workspaceId: workspace.id, userId: editor.id, title: "Onboarding", template: "saas-b2b", locale: "en" });
    const shop = await createMap(t.db, { workspaceId: workspace.id, userId: editor.id, title: "Webshop", template: "ecommerce", locale: "en" });
    await createMap(t.db, { workspaceId: other.workspace.id, userId: other.editor.id, title: "Onboarding elsewhere", template: "saas-b2b" });

    await updateMapSettings(t.db, { workspaceId: workspace.id, mapId: saas.id, userId: editor.id, personaIds: [persona.id], state: "future" });
    await expectAppError(updateMapSettings(t.db, { workspaceId: workspace.id, mapId: shop.id, userId: editor.id, personaIds: [foreignPersona.id] }), "invalid_input");
    await expectAppError(updateMapSettings(t.db, { workspaceId: workspace.id, mapId: shop.id, userId: editor.id, ownerDepartment: "Nope" }), "invalid_input");
    expect(readMap(await readMapDocument(t.db, workspace.id, saas.id))).toMatchObject({ state: "future", personaIds: [persona.id] });
    expect(await t.db.select({ p: mapPersonas.personaId }).from(mapPersonas).where(eq(mapPersonas.mapId, saas.id))).toEqual([{ p: persona.id }]);

    const ids = async (filters: Parameters<typeof listMaps>[2]) => (await listMaps(t.db, workspace.id, filters)).map((m) => m.title).sort();
    expect(await ids({})).toEqual(["Onboarding", "Webshop"]);
    expect(await ids({ q: "checkout" })).toEqual(["Webshop"]); // a touchpoint title, not the map title
    expect(await ids({ q: "sales call" })).toEqual(["Onboarding"]);
    expect(await ids({ q: "web" })).toEqual(["Onboarding", "Webshop"]); // "Website" channel and the title
    expect(await ids({ q: "100%_" })).toEqual([]);
    expect(await ids({ personaId: persona.id })).toEqual(["Onboarding"]);
    expect(await ids({ personaId: "not-a-uuid" })).toEqual([]);
    expect(await ids({ state: "current" })).toEqual(["Webshop"]);
    expect(await ids({ since: new Date(Date.now() + 60_000) })).toEqual([]);
    expect(await ids({ since: new Date(Date.now() - 60_000) })).toEqual(["Onboarding", "Webshop"]);
    const summary = (await listMaps(t.db, workspace.id, { personaId: persona.id }))[0];
    expect(summary.personas).toMatchObject([{ id: persona.id, name: "Ines", avatarColor: persona.avatarColor, hasAvatarImage: false }]);
    expect(summary.emotionCurve).toHaveLength(9);
  });

  it("records metrics as history and sets the newest KPI actual in the document", async () => {
    const { workspace, editor } = await createTeam(t.db);
    const map = await createMap(t.db, { workspaceId: workspace.id, userId: editor.id, title: "Metrics", template: "saas-b2b", locale: "en" });
    const tp = readMap(await readMapDocument(t.db, workspace.id, map.id)).touchpoints.find((x) => x.title === "Support contact")!;
    const err = await expectAppError(
      recordMapMetrics(t.db, { workspaceId: workspace.id, mapId: map.id, metrics: [{ touchpointId: tp.id, kpi: "CSAT", value: 4 }, { touchpointId: "nope", kpi: "CSAT", value: 1 }] }),
      "invalid_input",
    );
    expect(err.fields).toHaveProperty("1.touchpointId");
    expect(await t.db.select().from(touchpointMetrics).where(eq(touchpointMetrics.mapId, map.id))).toEqual([]);

    const result = await recordMapMetrics(t.db, {
      workspaceId: workspace.id,
      mapId: map.id,
      metrics: [
        { touchpointId: tp.id, kpi: "csat", value: 4.7, at: "2026-05-02T10:00:00Z" },
        { touchpointId: tp.id, kpi: "CSAT", value: 4.1, at: "2026-05-01T10:00:00Z" },
        { touchpointId: tp.id, kpi: "First response time", value: 22 },
      ],
    });
    expect(result).toEqual({ stored: 3, updatedKpis: 2 });
    const kpis = readMap(await readMapDocument(t.db, workspace.id, map.id)).touchpoints.find((x) => x.id === tp.id)!.kpis;
    expect(kpis.map((k) => [k.name, k.actual])).toEqual([["First response time", 22], ["CSAT", 4.7]]);
    // An older measurement posted later does not overwrite the newer actual.
    await recordMapMetrics(t.db, { workspaceId: workspace.id, mapId: map.id, metrics: [{ touchpointId: tp.id, kpi: "CSAT", value: 3, at: "2026-04-01T10:00:00Z" }] });
    expect(readMap(await readMapDocument(t.db, workspace.id, map.id)).touchpoints.find((x) => x.id === tp.id)!.kpis[1].actual).toBe(4.7);
    const projected = await t.db.select().from(touchpointKpis).where(and(eq(touchpointKpis.mapId, map.id), eq(touchpointKpis.touchpointId, tp.id))).orderBy(asc(touchpointKpis.position));
    expect(projected.map((k) => [k.name, k.actual, k.onTarget])).toEqual([["First response time", 22, false], ["CSAT", 4.7, true]]);
    expect(await t.db.select().from(touchpointMetrics).where(eq(touchpointMetrics.mapId, map.id))).toHaveLength(4);
  });
});
