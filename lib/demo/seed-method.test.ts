// Integration: the demo's onboarding maps carry stage goals and central questions, wow/frustration
// moments and rated opportunities (issue 13, method), in English and in German.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { workspaces } from "@/db/schema";
import { listMaps } from "@/db/queries/maps";
import { addStage, addTouchpoint, createMapDocument, readMap } from "@/lib/maps/map-document";
import { readMapDocument } from "@/lib/maps/map-documents";
import { getPrioritisationMatrix } from "@/lib/dashboard/prioritisation-matrix";
import { NO_FILTERS } from "@/lib/dashboard/filters";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { seedDemo } from "./seed-demo";
import { applyMethodDemoCurrent } from "./seed-method";

describe("demo method content", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
  }, 180_000);
  afterAll(async () => t?.close());

  it("gives the onboarding maps stage questions, wow/frustration and a filled prioritisation matrix", async () => {
    expect(await seedDemo(t.db)).toBe(true);
    const [acme] = await t.db.select().from(workspaces).where(eq(workspaces.slug, "acme"));
    const maps = await listMaps(t.db, acme.id);
    const current = maps.find((m) => m.state === "current" && m.title.startsWith("SaaS"))!;
    const doc = readMap(await readMapDocument(t.db, acme.id, current.id));
    expect(doc.stages.every((s) => s.goal && s.centralQuestion && s.duration && s.kpis.length === 1)).toBe(true);
    expect(doc.stages.map((s) => s.centralQuestion)).toContain("Does the vendor keep its promise?");
    const kinds = doc.touchpoints.map((tp) => tp.momentOfTruthKind);
    expect(kinds).toContain("wow");
    expect(kinds).toContain("frustration");
    expect(doc.touchpoints.some((tp) => tp.superfluous)).toBe(true);
    expect(doc.touchpoints.flatMap((tp) => tp.painPoints).some((p) => p.severity === 3)).toBe(true);
    const matrix = await getPrioritisationMatrix(t.db, acme.id, NO_FILTERS);
    expect(matrix.points.length).toBeGreaterThanOrEqual(5);
  });

  it("writes German texts for a German demo", () => {
    const doc = createMapDocument();
    for (const name of ["Aufmerksamkeit", "Test", "Onboarding", "Erster Nutzen"]) addTouchpoint(doc, addStage(doc, name), undefined, { title: name });
    applyMethodDemoCurrent(doc, "de");
    expect(readMap(doc).stages[2]).toMatchObject({ centralQuestion: "Hält der Anbieter sein Versprechen?", duration: "1–2 Wochen" });
  });
});
