// Integration: stakeholder map lifecycle, projection and the department ⇄ touchpoint wiring on real databases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { ZodError } from "zod";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { createTeam, createWorkspace } from "@/test/factories";
import {
  departmentTouchpointStats,
  findStakeholderMap,
  listDepartmentTouchpoints,
  listProjectedStakeholders,
  listStakeholderMaps,
} from "@/db/queries/stakeholders";
import { collabDocuments, journeyMaps, mapTouchpoints, stakeholderMaps } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { getDocumentStore } from "@/lib/personas/document-store";
import { createStakeholderMap } from "./create-stakeholder-map";
import { deleteStakeholderMap, restoreStakeholderMap } from "./delete-stakeholder-map";
import { duplicateStakeholderMap } from "./duplicate-stakeholder-map";
import { findStakeholderForDepartment } from "./find-stakeholder-for-department";
import { onStakeholderMapChanged } from "./on-stakeholder-map-changed";
import { addStakeholder, readStakeholderMap, removeStakeholder, setStakeholderMapTitle, updateStakeholder } from "./stakeholder-document";

const CONTENT = {
  title: "Service ecosystem",
  stakeholders: [
    { id: "cs", name: "Customer Service", type: "department" as const, department: "Customer Service", ring: "direct" as const, angle: 20, influence: 2 },
    { id: "it", name: "IT", type: "department" as const, department: "IT", ring: "indirect" as const, angle: 140, influence: -1 },
    { id: "crm", name: "CRM", type: "system" as const, ring: "indirect" as const, angle: 260 },
  ],
  relationships: [
    { id: "r1", from: "cs", to: "customer", provides: "service" as const, label: "Answers tickets" },
    { id: "r2", from: "crm", to: "cs", provides: "information" as const, direction: "both" as const },
  ],
};

describe.each(testDrivers)("stakeholder maps on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
  });
  afterAll(async () => {
    await t?.close();
  });

  it("creates a map with its document and projection, and keeps the projection in step", async () => {
    const { workspace, editor } = await createTeam(t.db);
    const created = await createStakeholderMap(t.db, { workspaceId: workspace.id, userId: editor.id, content: CONTENT });
    const name = `stakeholders:${created.id}`;
    expect((await t.db.select().from(collabDocuments).where(eq(collabDocuments.name, name))).length).toBe(1);
    expect((await listProjectedStakeholders(t.db, workspace.id, created.id)).map((s) => [s.name, s.type, s.department])).toEqual([
      ["CRM", "system", null],
      ["Customer Service", "department", "Customer Service"],
      ["IT", "department", "IT"],
    ]);

    const store = getDocumentStore(t.db);
    await store.edit(name, workspace.id, (d) => {
      setStakeholderMapTitle(d, "Ecosystem 2026");
      addStakeholder(d, { id: "fin", name: "Finance", type: "department", ring: "indirect", angle: 200 });
      updateStakeholder(d, "it", { ring: "environment", influence: -3 });
      removeStakeholder(d, "crm");
    });
    const doc = await store.read(name, workspace.id);
    await onStakeholderMapChanged(t.db, name, doc, { workspaceId: workspace.id });
    // A hook call naming another workspace changes nothing there or here.
    const other = await createWorkspace(t.db);
    await onStakeholderMapChanged(t.db, name, doc, { workspaceId: other.id });

    expect((await findStakeholderMap(t.db, workspace.id, created.id))?.title).toBe("Ecosystem 2026");
    const projected = await listProjectedStakeholders(t.db, workspace.id, created.id);
    expect(projected.map((s) => [s.stakeholderId, s.ring, s.influence])).toEqual([
      ["cs", "direct", 2],
      ["fin", "indirect", 0],
      ["it", "environment", -3],
    ]);
    expect(readStakeholderMap(doc).relationships.map((r) => r.id)).toEqual(["r1"]);
    expect((await listStakeholderMaps(t.db, workspace.id))[0]).toMatchObject({ title: "Ecosystem 2026", stakeholderCount: 3, departmentCount: 3 });
    expect(await listStakeholderMaps(t.db, other.id)).toEqual([]);

    const copy = await duplicateStakeholderMap(t.db, { workspaceId: workspace.id, userId: editor.id, mapId: created.id, copySuffix: "(copy)" });
    expect(copy.title).toBe("Ecosystem 2026 (copy)");
    expect(readStakeholderMap(await store.read(`stakeholders:${copy.id}`, workspace.id)).stakeholders).toHaveLength(3);
  });

  it("refuses a relationship to a missing stakeholder with a clear error and stores nothing", async () => {
    const { workspace, editor } = await createTeam(t.db);
    const bad = { ...CONTENT, relationships: [...CONTENT.relationships, { id: "r3", from: "cs", to: "legal", provides: "trust" as const }] };
    const err = await createStakeholderMap(t.db, { workspaceId: workspace.id, userId: editor.id, content: bad }).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(ZodError);
    expect((err as ZodError).issues[0].message).toMatch(/stakeholder "legal", which does not exist/);
    const [{ n }] = await t.db.select({ n: count() }).from(stakeholderMaps).where(eq(stakeholderMaps.workspaceId, workspace.id));
    expect(n).toBe(0);
    const tooLong = { ...CONTENT, stakeholders: [{ ...CONTENT.stakeholders[0], description: "d".repeat(1001) }], relationships: [] };
    await expect(createStakeholderMap(t.db, { workspaceId: workspace.id, userId: editor.id, content: tooLong })).rejects.toBeInstanceOf(ZodError);
  });

  it("deletes softly, restores, and stays within the workspace", async () => {
    const { workspace, editor } = await createTeam(t.db);
    const other = await createWorkspace(t.db);
    const m = await createStakeholderMap(t.db, { workspaceId: workspace.id, userId: editor.id, content: { title: "To delete" } });
    const err = await deleteStakeholderMap(t.db, { workspaceId: other.id, mapId: m.id, userId: null }).then(() => null, (e: unknown) => e);
    expect((err as AppError).code).toBe("not_found");
    await deleteStakeholderMap(t.db, { workspaceId: workspace.id, mapId: m.id, userId: editor.id });
    expect(await findStakeholderMap(t.db, workspace.id, m.id)).toBeNull();
    expect(await listStakeholderMaps(t.db, workspace.id)).toEqual([]);
    await restoreStakeholderMap(t.db, { workspaceId: workspace.id, mapId: m.id });
    expect((await listStakeholderMaps(t.db, workspace.id)).map((x) => x.title)).toEqual(["To delete"]);
  });

  it("wires department stakeholders to the touchpoints they own across maps", async () => {
    const { workspace, editor } = await createTeam(t.db);
    const other = await createWorkspace(t.db);
    const map = await createStakeholderMap(t.db, { workspaceId: workspace.id, userId: editor.id, content: CONTENT });
    const [onboarding, support, gone] = await t.db
      .insert(journeyMaps)
      .values([
        { workspaceId: workspace.id, title: "Onboarding" },
        { workspaceId: workspace.id, title: "Support", state: "future" },
        { workspaceId: workspace.id, title: "Deleted", deletedAt: new Date() },
      ])
      .returning();
    const [foreign] = await t.db.insert(journeyMaps).values({ workspaceId: other.id, title: "Foreign" }).returning();
    const tp = (mapId: string, workspaceId: string, id: string, position: number, department: string, emotion: number | null, momentOfTruth = false) => ({
      mapId, workspaceId, touchpointId: id, stageId: "s", stageName: "Stage", position, title: `TP ${id}`, department, emotion, momentOfTruth,
    });
    await t.db.insert(mapTouchpoints).values([
      tp(onboarding.id, workspace.id, "o1", 0, "Customer Service", -2, true),
      tp(onboarding.id, workspace.id, "o2", 1, "IT", 1),
      tp(support.id, workspace.id, "s1", 0, "customer service", 1),
      tp(support.id, workspace.id, "s2", 1, "Customer Service", null),
      tp(gone.id, workspace.id, "g1", 0, "Customer Service", -3, true),
      tp(foreign.id, other.id, "f1", 0, "Customer Service", 3, true),
    ]);

    const owned = await listDepartmentTouchpoints(t.db, workspace.id, "Customer Service");
    expect(owned.map((o) => `${o.mapTitle}/${o.touchpointId}`)).toEqual(["Onboarding/o1", "Support/s1", "Support/s2"]);
    expect(owned[0]).toMatchObject({ mapId: onboarding.id, emotion: -2, momentOfTruth: true });
    expect(await listDepartmentTouchpoints(t.db, workspace.id, "Finance")).toEqual([]);
    expect((await listDepartmentTouchpoints(t.db, other.id, "Customer Service")).map((o) => o.touchpointId)).toEqual(["f1"]);

    const stats = await departmentTouchpointStats(t.db, workspace.id, ["Customer Service", "IT", "Finance"]);
    const byDept = Object.fromEntries(stats.map((s) => [s.department, s]));
    expect(byDept["customer service"]).toMatchObject({ touchpoints: 3, momentsOfTruth: 1 });
    expect(byDept["customer service"].avgEmotion).toBeCloseTo(-0.5);
    expect(byDept["it"]).toMatchObject({ touchpoints: 1, avgEmotion: 1, momentsOfTruth: 0 });
    expect(byDept["finance"]).toBeUndefined();

    const link = await findStakeholderForDepartment(t.db, workspace.id, "customer service");
    expect(link).toMatchObject({ stakeholderMapId: map.id, stakeholderId: "cs", name: "Customer Service" });
    expect(link!.path("acme")).toBe(`/w/acme/stakeholders/${map.id}?stakeholder=cs`);
    expect(await findStakeholderForDepartment(t.db, other.id, "Customer Service")).toBeNull();
    expect(await findStakeholderForDepartment(t.db, workspace.id, "Legal")).toBeNull();
  });
});
