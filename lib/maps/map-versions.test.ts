// Integration: saving map versions and comparing them with the current document on real databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { createTeam } from "@/test/factories";
import { mapVersions } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createMap } from "./create-map";
import { addTouchpoint, readMap, removeTouchpoint, setEmotion, updateTouchpointField } from "./map-document";
import { editMapDocument, readMapDocument } from "./map-documents";
import { compareMapVersion, createMapVersion, listMapVersions, MAX_VERSIONS_PER_MAP } from "./map-versions";

async function expectAppError(promise: Promise<unknown>, code: string) {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

describe.each(testDrivers)("map versions on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it("saves a version, lists it and compares it with the edited map", async () => {
    const { workspace, editor } = await createTeam(t.db);
    const map = await createMap(t.db, { workspaceId: workspace.id, userId: editor.id, title: "Shop", template: "ecommerce", locale: "en" });
    const original = readMap(await readMapDocument(t.db, workspace.id, map.id));
    const v1 = await createMapVersion(t.db, { workspaceId: workspace.id, mapId: map.id, label: "  Workshop March  ", userId: editor.id });
    expect(v1).toMatchObject({ label: "Workshop March", createdByName: "Editor" });

    const unchanged = await compareMapVersion(t.db, { workspaceId: workspace.id, mapId: map.id, versionId: v1.id });
    expect(unchanged.diff.unchanged).toBe(true);

    const [first, second] = original.touchpoints;
    const removed = original.touchpoints[3];
    let addedId = "";
    await editMapDocument(t.db, workspace.id, map.id, (doc) => {
      updateTouchpointField(doc, first.id, "title", "Instagram story ad");
      setEmotion(doc, second.id, second.emotion === 3 ? -3 : 3);
      removeTouchpoint(doc, removed.id);
      addedId = addTouchpoint(doc, original.stages[0].id, undefined, { title: "Podcast mention", emotion: 2 });
    });
    const v2 = await createMapVersion(t.db, { workspaceId: workspace.id, mapId: map.id, label: "After edits", userId: null });
    expect((await listMapVersions(t.db, workspace.id, map.id)).map((v) => [v.id, v.label, v.createdByName])).toEqual([
      [v2.id, "After edits", null],
      [v1.id, "Workshop March", "Editor"],
    ]);

    const { version, diff } = await compareMapVersion(t.db, { workspaceId: workspace.id, mapId: map.id, versionId: v1.id });
    expect(version).toMatchObject({ id: v1.id, label: "Workshop March", createdByName: "Editor" });
    expect(diff.touchpoints.added).toEqual([{ id: addedId, title: "Podcast mention", stageName: original.stages[0].name }]);
    expect(diff.touchpoints.removed).toEqual([{ id: removed.id, title: removed.title, stageName: original.stages.find((s) => s.id === removed.stageId)!.name }]);
    expect(diff.touchpoints.changed).toEqual([
      expect.objectContaining({ id: first.id, title: "Instagram story ad", changes: { title: { before: first.title, after: "Instagram story ad" } } }),
      expect.objectContaining({ id: second.id, changes: { emotion: { before: second.emotion, after: second.emotion === 3 ? -3 : 3 } } }),
    ]);
    const now = readMap(await readMapDocument(t.db, workspace.id, map.id));
    const avg = (m: typeof now) => {
      const rated = m.touchpoints.map((x) => x.emotion).filter((e): e is number => e !== null);
      return rated.reduce((a, b) => a + b, 0) / rated.length;
    };
    expect(diff.averageEmotion.before).toBeCloseTo(avg(original));
    expect(diff.averageEmotion.after).toBeCloseTo(avg(now));
    expect(diff.unchanged).toBe(false);

    // The newest version equals the current document.
    expect((await compareMapVersion(t.db, { workspaceId: workspace.id, mapId: map.id, versionId: v2.id })).diff.unchanged).toBe(true);
  });

  it("is scoped to the workspace and validates labels and the version limit", async () => {
    const { workspace, editor } = await createTeam(t.db);
    const other = await createTeam(t.db);
    const map = await createMap(t.db, { workspaceId: workspace.id, userId: editor.id, title: "Scoped" });
    const v = await createMapVersion(t.db, { workspaceId: workspace.id, mapId: map.id, label: "Baseline", userId: editor.id });

    await expectAppError(createMapVersion(t.db, { workspaceId: other.workspace.id, mapId: map.id, label: "x", userId: other.editor.id }), "not_found");
    await expectAppError(listMapVersions(t.db, other.workspace.id, map.id), "not_found");
    await expectAppError(compareMapVersion(t.db, { workspaceId: other.workspace.id, mapId: map.id, versionId: v.id }), "not_found");
    // A version of another map is not found through this map.
    const otherMap = await createMap(t.db, { workspaceId: workspace.id, userId: editor.id, title: "Other" });
    await expectAppError(compareMapVersion(t.db, { workspaceId: workspace.id, mapId: otherMap.id, versionId: v.id }), "not_found");
    await expectAppError(compareMapVersion(t.db, { workspaceId: workspace.id, mapId: map.id, versionId: "not-a-uuid" }), "not_found");

    expect((await expectAppError(createMapVersion(t.db, { workspaceId: workspace.id, mapId: map.id, label: "   ", userId: null }), "invalid_input")).fields).toEqual({ label: "label_required" });
    expect((await expectAppError(createMapVersion(t.db, { workspaceId: workspace.id, mapId: map.id, label: "x".repeat(121), userId: null }), "invalid_input")).fields).toEqual({ label: "label_too_long" });
    await createMapVersion(t.db, { workspaceId: workspace.id, mapId: map.id, label: "x".repeat(120), userId: null });

    const state = new Uint8Array([0, 0]);
    await t.db.insert(mapVersions).values(Array.from({ length: MAX_VERSIONS_PER_MAP - 2 }, (_, i) => ({ mapId: map.id, workspaceId: workspace.id, label: `v${i}`, state })));
    expect(await listMapVersions(t.db, workspace.id, map.id)).toHaveLength(MAX_VERSIONS_PER_MAP);
    await expectAppError(createMapVersion(t.db, { workspaceId: workspace.id, mapId: map.id, label: "One too many", userId: null }), "conflict");
    expect(await listMapVersions(t.db, other.workspace.id, other.workspace.id).catch((e: AppError) => e.code)).toBe("not_found");
  });
});
