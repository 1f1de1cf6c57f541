// Integration (both drivers): workspace vocabularies (who may change them, other workspaces, bad
// input, gaps through synonyms) and departments by id (a rename reaches maps' projection, the silo
// heatmap and stakeholder wiring) — maps created through the real path (document + projection).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as Y from "yjs";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { createDepartment, createTeam } from "@/test/factories";
import { mapGaps, mapTouchpoints, stakeholders, touchpointOpportunities } from "@/db/schema";
import { getSiloHeatmap } from "@/lib/dashboard/silo-heatmap";
import { NO_FILTERS } from "@/lib/dashboard/filters";
import { createMap } from "@/lib/maps/create-map";
import { addOpportunity, addStage, addTouchpoint, createMapDocument, readMap, resolveReferences, toExport } from "@/lib/maps/map-document";
import { listOwnerDirectory } from "@/lib/maps/load-projection-directory";
import { importMap } from "@/lib/import/import-map";
import { readMapDocument } from "@/lib/maps/map-documents";
import { projectMap } from "@/lib/maps/project-map";
import { createStakeholderMap } from "@/lib/stakeholders/create-stakeholder-map";
import { findStakeholderForDepartment } from "@/lib/stakeholders/find-stakeholder-for-department";
import { ZSaveVocabularyTerm, splitSynonyms } from "@/lib/validations/vocabularies";
import { updateDepartment } from "@/lib/workspaces/update-department";
import { addSuggestedVocabulary } from "./add-suggested-vocabulary";
import { deleteVocabularyTerm } from "./delete-vocabulary-term";
import { listVocabulary } from "./list-vocabulary";
import { saveVocabularyTerm } from "./save-vocabulary-term";

function journeyDoc(touchpoints: { title: string; channel?: string; department?: string; owner?: string }[]) {
  const doc = createMapDocument({ title: "Vocabulary journey" });
  const s = addStage(doc, "Stage");
  const ids = touchpoints.map((t) => addTouchpoint(doc, s, undefined, t)!);
  return { doc, ids };
}

describe.each(testDrivers)("vocabularies and department references (%s)", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
  });
  afterAll(async () => {
    await t?.close();
  });

  const gapsOf = async (mapId: string) =>
    (await t.db.select().from(mapGaps).where(eq(mapGaps.mapId, mapId))).map((g) => `${g.kind}:${g.fromValue}>${g.toValue}`).sort();

  it("owners and admins manage terms; editors and viewers are refused; another workspace's term is not found", async () => {
    const { workspace, owner, editor, viewer } = await createTeam(t.db);
    const other = await createTeam(t.db);
    await expect(saveVocabularyTerm(t.db, { workspaceId: workspace.id, actorId: viewer.id, kind: "channel", term: "Website", synonyms: [] })).rejects.toMatchObject({ code: "forbidden" });
    await expect(saveVocabularyTerm(t.db, { workspaceId: workspace.id, actorId: editor.id, kind: "channel", term: "Website", synonyms: [] })).rejects.toMatchObject({ code: "forbidden" });
    // Someone from another workspace acting here: not found (its existence is not revealed).
    await expect(saveVocabularyTerm(t.db, { workspaceId: workspace.id, actorId: other.owner.id, kind: "channel", term: "Website", synonyms: [] })).rejects.toMatchObject({ code: "not_found" });
    const { id } = await saveVocabularyTerm(t.db, { workspaceId: workspace.id, actorId: owner.id, kind: "channel", term: " Website ", synonyms: ["Web", "web", "Website", ""] });
    expect(await listVocabulary(t.db, workspace.id)).toMatchObject([{ id, kind: "channel", term: "Website", synonyms: ["Web"] }]);
    await expect(saveVocabularyTerm(t.db, { workspaceId: workspace.id, actorId: owner.id, kind: "channel", term: "WEBSITE", synonyms: [] })).rejects.toMatchObject({ code: "conflict" });
    // The same term as a device is fine.
    await saveVocabularyTerm(t.db, { workspaceId: workspace.id, actorId: owner.id, kind: "device", term: "Website", synonyms: [] });
    // Another workspace's owner cannot change or delete this workspace's term through their own workspace.
    await expect(saveVocabularyTerm(t.db, { workspaceId: other.workspace.id, actorId: other.owner.id, kind: "channel", termId: id, term: "Hijacked", synonyms: [] })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteVocabularyTerm(t.db, { workspaceId: other.workspace.id, actorId: other.owner.id, termId: id })).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteVocabularyTerm(t.db, { workspaceId: workspace.id, actorId: viewer.id, termId: id })).rejects.toMatchObject({ code: "forbidden" });
    expect((await listVocabulary(t.db, workspace.id, "channel"))[0].term).toBe("Website");
    expect(await listVocabulary(t.db, other.workspace.id)).toEqual([]);
  });

  it("rejects bad input", () => {
    expect(ZSaveVocabularyTerm.safeParse({ kind: "channel", term: "  " }).error?.issues[0].message).toBe("term_required");
    expect(ZSaveVocabularyTerm.safeParse({ kind: "channel", term: "x".repeat(61) }).error?.issues[0].message).toBe("term_too_long");
    expect(ZSaveVocabularyTerm.safeParse({ kind: "fax", term: "Fax" }).success).toBe(false);
    expect(ZSaveVocabularyTerm.safeParse({ kind: "channel", term: "Web", termId: "not-a-uuid" }).success).toBe(false);
    expect(ZSaveVocabularyTerm.safeParse({ kind: "channel", term: "Web", synonyms: Array(31).fill("x") }).error?.issues[0].message).toBe("too_many_synonyms");
    expect(splitSynonyms("Web, Homepage ;\n Online,")).toEqual(["Web", "Homepage", "Online"]);
  });

  it("a synonym raises no gap in the projection; the stored gaps follow vocabulary changes", async () => {
    const { workspace, owner } = await createTeam(t.db);
    const { doc } = journeyDoc([{ title: "a", channel: "Web" }, { title: "b", channel: "Website" }, { title: "c", channel: "E-mail" }]);
    const map = await createMap(t.db, { workspaceId: workspace.id, userId: owner.id, title: "Gaps", doc });
    expect(await gapsOf(map.id)).toEqual(["channel:Web>Website", "channel:Website>E-mail"]);
    const { id } = await saveVocabularyTerm(t.db, { workspaceId: workspace.id, actorId: owner.id, kind: "channel", term: "Website", synonyms: ["Web"] });
    expect(await gapsOf(map.id)).toEqual(["channel:Website>E-mail"]);
    // Re-projecting (an editor's change) keeps using the vocabulary.
    await projectMap(t.db, { workspaceId: workspace.id, mapId: map.id, map: readMap(await readMapDocument(t.db, workspace.id, map.id)) });
    expect(await gapsOf(map.id)).toEqual(["channel:Website>E-mail"]);
    await deleteVocabularyTerm(t.db, { workspaceId: workspace.id, actorId: owner.id, termId: id });
    expect(await gapsOf(map.id)).toEqual(["channel:Web>Website", "channel:Website>E-mail"]);
    // The built-in German suggestions know "Webseite" and "E-Mail"; twice adds nothing more.
    const added = await addSuggestedVocabulary(t.db, { workspaceId: workspace.id, actorId: owner.id, locale: "de" });
    expect(added).toBeGreaterThan(5);
    expect(await addSuggestedVocabulary(t.db, { workspaceId: workspace.id, actorId: owner.id, locale: "de" })).toBe(0);
    expect(await gapsOf(map.id)).toEqual(["channel:Website>E-mail"]);
  });

  it("departments by id: old documents migrate on projection, a rename reaches maps, the silo heatmap and stakeholder wiring", async () => {
    const { workspace, owner } = await createTeam(t.db);
    const sales = await createDepartment(t.db, workspace.id, "Sales");
    const { doc, ids } = journeyDoc([
      { title: "Call", department: "sales", owner: "Owner" },
      { title: "Offer", department: "Sales" },
      { title: "Legal check", department: "Legal" },
    ]);
    addOpportunity(doc, ids[0], { text: "Call back faster", department: "SALES" });
    const map = await createMap(t.db, { workspaceId: workspace.id, userId: owner.id, title: "Departments", doc });
    const rows = async () =>
      (await t.db.select().from(mapTouchpoints).where(eq(mapTouchpoints.mapId, map.id))).sort((a, b) => a.position - b.position).map((r) => [r.department, r.departmentId, r.ownerId]);
    // Migrated on load: names matched case-insensitively, the owner matched to the member.
    expect(await rows()).toEqual([["Sales", sales.id, owner.id], ["Sales", sales.id, null], ["Legal", null, null]]);
    // "sales" → "Sales" is the same department: no department gap between the first two.
    expect((await gapsOf(map.id)).filter((g) => g.startsWith("department"))).toEqual(["department:Sales>Legal"]);

    const sh = await createStakeholderMap(t.db, {
      workspaceId: workspace.id, userId: owner.id,
      content: { title: "Ecosystem", stakeholders: [{ id: "s", name: "Sales team", type: "department", department: "Sales", ring: "direct", angle: 0, influence: 1 }], relationships: [] },
    });

    await updateDepartment(t.db, { workspaceId: workspace.id, actorId: owner.id, departmentId: sales.id, name: "Sales & Partners" });
    expect(await rows()).toEqual([["Sales & Partners", sales.id, owner.id], ["Sales & Partners", sales.id, null], ["Legal", null, null]]);
    const [opp] = await t.db.select().from(touchpointOpportunities).where(eq(touchpointOpportunities.mapId, map.id));
    expect(opp).toMatchObject({ department: "Sales & Partners", departmentId: sales.id });
    const silo = await getSiloHeatmap(t.db, workspace.id, NO_FILTERS);
    expect(silo.departments).toContain("Sales & Partners");
    expect(silo.departments).not.toContain("Sales");
    expect(silo.cells.find((c) => c.department === "Sales & Partners")).toMatchObject({ departmentId: sales.id, touchpoints: 2 });
    // Stakeholder wiring follows: the department stakeholder now names the new department.
    const [stakeholder] = await t.db.select().from(stakeholders).where(and(eq(stakeholders.stakeholderMapId, sh.id), eq(stakeholders.stakeholderId, "s")));
    expect(stakeholder.department).toBe("Sales & Partners");
    expect(await findStakeholderForDepartment(t.db, workspace.id, "Sales & Partners")).toMatchObject({ stakeholderId: "s" });

    // The rename wrote the id and the new name into the old document (the migration is persisted),
    // so a later projection (someone edits the map) keeps the department.
    const live = await readMapDocument(t.db, workspace.id, map.id);
    expect(readMap(live).touchpoints.map((x) => [x.department, x.departmentId])).toEqual([["Sales & Partners", sales.id], ["Sales & Partners", sales.id], ["Legal", null]]);
    expect(readMap(live).touchpoints[0].opportunities[0]).toMatchObject({ department: "Sales & Partners", departmentId: sales.id });
    await projectMap(t.db, { workspaceId: workspace.id, mapId: map.id, map: readMap(live) });
    expect((await rows())[1]).toEqual(["Sales & Partners", sales.id, null]);
    live.destroy();
  });

  it("export → import keeps department and owner ids in the same workspace and drops them in another", async () => {
    const { workspace, owner } = await createTeam(t.db);
    const other = await createTeam(t.db);
    const sales = await createDepartment(t.db, workspace.id, "Sales");
    const { doc } = journeyDoc([{ title: "Call", department: "Sales", owner: "Owner" }]);
    const map = await createMap(t.db, { workspaceId: workspace.id, userId: owner.id, title: "Round trip", doc });
    // The document has no ids yet (written without them): export the map as resolved against the workspace.
    const exported = toExport(resolveReferences(readMap(await readMapDocument(t.db, workspace.id, map.id)), await listOwnerDirectory(t.db, workspace.id)), map.id);
    expect(exported.touchpoints[0]).toMatchObject({ departmentId: sales.id, ownerId: owner.id });
    const bytes = new TextEncoder().encode(JSON.stringify(exported));
    const same = await importMap(t.db, { workspaceId: workspace.id, userId: owner.id, fileName: "m.json", bytes });
    const sameDoc = readMap(await readMapDocument(t.db, workspace.id, same.map.id));
    expect(sameDoc.touchpoints[0]).toMatchObject({ departmentId: sales.id, ownerId: owner.id, department: "Sales" });
    const foreign = await importMap(t.db, { workspaceId: other.workspace.id, userId: other.owner.id, fileName: "m.json", bytes });
    const foreignDoc = readMap(await readMapDocument(t.db, other.workspace.id, foreign.map.id));
    expect(foreignDoc.touchpoints[0]).toMatchObject({ departmentId: null, ownerId: null, department: "Sales", owner: "Owner" });
  });

  it("the projection ignores department and owner ids of another workspace", async () => {
    const { workspace, owner } = await createTeam(t.db);
    const other = await createTeam(t.db);
    const foreign = await createDepartment(t.db, other.workspace.id, "Foreign");
    const doc = new Y.Doc();
    const { doc: built, ids } = journeyDoc([{ title: "x", department: "Foreign", owner: "Owner" }]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(built));
    const tp = doc.getMap("touchpoints").get(ids[0]) as Y.Map<unknown>;
    tp.set("departmentId", foreign.id);
    tp.set("ownerId", other.owner.id);
    const map = await createMap(t.db, { workspaceId: workspace.id, userId: owner.id, title: "Foreign refs", doc });
    const [row] = await t.db.select().from(mapTouchpoints).where(eq(mapTouchpoints.mapId, map.id));
    // The foreign department id is dropped; "Owner" is also this workspace's owner's name, so that member is matched.
    expect(row).toMatchObject({ department: "Foreign", departmentId: null, ownerId: owner.id });
  });
});
