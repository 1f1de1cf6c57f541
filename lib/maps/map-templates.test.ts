// Integration: workspace templates on real databases — save a map as a template (only the kept
// lanes keep content), list with previews, create a map from it, rename and delete scoped to the
// workspace; who may do what comes from the policy (editors create, owners and admins manage).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { createTeam } from "@/test/factories";
import { can } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { createMap } from "./create-map";
import { addPainPoint, readMap } from "./map-document";
import { editMapDocument, readMapDocument } from "./map-documents";
import { buildFromWorkspaceTemplate, createMapTemplate, deleteMapTemplate, listMapTemplates, renameMapTemplate } from "./map-templates";

async function expectAppError(promise: Promise<unknown>, code: string) {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
}

describe.each(testDrivers)("workspace map templates on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it("saves a map as a template with the kept lanes only, and creates new maps from it", async () => {
    const { workspace, editor } = await createTeam(t.db);
    const source = await createMap(t.db, { workspaceId: workspace.id, userId: editor.id, title: "Shop journey", template: "ecommerce", locale: "en" });
    const original = readMap(await readMapDocument(t.db, workspace.id, source.id));
    await editMapDocument(t.db, workspace.id, source.id, (doc) => addPainPoint(doc, original.touchpoints[0].id, "Too many ads"));

    const { id } = await createMapTemplate(t.db, { workspaceId: workspace.id, mapId: source.id, userId: editor.id, name: "Retail", description: "Our retail journey", keptLanes: ["channel", "kpis"] });
    const [listed] = await listMapTemplates(t.db, workspace.id);
    expect(listed).toMatchObject({ id, name: "Retail", description: "Our retail journey", touchpointCount: original.touchpoints.length, keptLanes: ["channel", "kpis"] });
    expect(listed.stages.map((s) => s.name)).toEqual(original.stages.map((s) => s.name));
    // Emotions were not kept: the preview curve is unrated.
    expect(listed.emotions.every((e) => e === null)).toBe(true);

    const doc = await buildFromWorkspaceTemplate(t.db, workspace.id, id, "Store B");
    const built = readMap(doc);
    const made = await createMap(t.db, { workspaceId: workspace.id, userId: editor.id, title: "Store B", doc });
    expect(made.title).toBe("Store B");
    expect(built.touchpoints.map((x) => x.title)).toEqual(original.touchpoints.map((x) => x.title));
    expect(built.touchpoints.map((x) => x.channel)).toEqual(original.touchpoints.map((x) => x.channel));
    // Fresh ids: the new map shares no touchpoint id with the source.
    expect(built.touchpoints.some((x) => original.touchpoints.some((o) => o.id === x.id))).toBe(false);
    for (const tp of built.touchpoints) {
      expect(tp).toMatchObject({ activity: "", department: "", device: "", emotion: null, painPoints: [] });
      for (const k of tp.kpis) expect(k.actual).toBeNull();
    }
    expect(built.touchpoints.flatMap((x) => x.kpis).length).toBe(original.touchpoints.flatMap((x) => x.kpis).length);
  });

  it("renames and deletes only within the workspace; validates names; roles from the policy", async () => {
    const a = await createTeam(t.db);
    const b = await createTeam(t.db);
    const map = await createMap(t.db, { workspaceId: a.workspace.id, userId: a.editor.id, title: "Source" });
    await expectAppError(createMapTemplate(t.db, { workspaceId: b.workspace.id, mapId: map.id, userId: b.editor.id, name: "Stolen", keptLanes: [] }), "not_found");
    await expect(createMapTemplate(t.db, { workspaceId: a.workspace.id, mapId: map.id, userId: a.editor.id, name: "   ", keptLanes: [] })).rejects.toThrow();
    const { id } = await createMapTemplate(t.db, { workspaceId: a.workspace.id, mapId: map.id, userId: a.editor.id, name: "Base", keptLanes: [] });

    await expectAppError(renameMapTemplate(t.db, { workspaceId: b.workspace.id, templateId: id, name: "Mine" }), "not_found");
    await expectAppError(deleteMapTemplate(t.db, { workspaceId: b.workspace.id, templateId: id }), "not_found");
    await expectAppError(buildFromWorkspaceTemplate(t.db, b.workspace.id, id, "x"), "not_found");
    expect(await listMapTemplates(t.db, b.workspace.id)).toEqual([]);

    await renameMapTemplate(t.db, { workspaceId: a.workspace.id, templateId: id, name: "Base v2", description: "Renamed" });
    expect(await listMapTemplates(t.db, a.workspace.id)).toEqual([expect.objectContaining({ id, name: "Base v2", description: "Renamed" })]);
    await deleteMapTemplate(t.db, { workspaceId: a.workspace.id, templateId: id });
    expect(await listMapTemplates(t.db, a.workspace.id)).toEqual([]);
    await expectAppError(deleteMapTemplate(t.db, { workspaceId: a.workspace.id, templateId: id }), "not_found");

    // The actions ask for "edit" to create and "manage_workspace" to rename or delete.
    expect(["owner", "admin", "editor", "viewer"].map((r) => can(r as "owner", "edit"))).toEqual([true, true, true, false]);
    expect(["owner", "admin", "editor", "viewer"].map((r) => can(r as "owner", "manage_workspace"))).toEqual([true, true, false, false]);
  });
});
