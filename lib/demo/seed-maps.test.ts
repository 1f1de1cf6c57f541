// Integration: the demo seed gives Acme three filled, projected maps (CONTRACT §3).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { listMaps } from "@/db/queries/maps";
import { mapGaps, touchpointKpis, touchpointOpportunities, workspaces } from "@/db/schema";
import { readMap } from "@/lib/maps/map-document";
import { readMapDocument } from "@/lib/maps/map-documents";
import { loadPairComparison } from "@/lib/maps/future-state/load-pair-comparison";
import { seedDemo } from "./seed-demo";
import { DEMO_CYCLE_TITLE } from "./seed-vocab";

describe("demo maps", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it("seeds three filled maps for Acme, one of them the future state of another", async () => {
    expect(await seedDemo(t.db)).toBe(true);
    const [acme] = await t.db.select().from(workspaces).where(eq(workspaces.slug, "acme"));
    const all = await listMaps(t.db, acme.id);
    // The five-phase relationship cycle (issue 13, lib/demo/seed-vocab.ts) is a template-sized map of its own.
    const cycle = all.filter((m) => m.cyclic);
    expect(cycle.map((m) => m.title)).toEqual([DEMO_CYCLE_TITLE.en]);
    const cycleDoc = readMap(await readMapDocument(t.db, acme.id, cycle[0].id));
    expect(cycleDoc.stages.map((s) => s.name)).toEqual(["Impulse", "Discover", "Initiate", "Experience", "Recommend"]);
    // "Website" then "Web" in Discover: the seeded vocabulary keeps that from being a channel gap.
    const cycleGaps = await t.db.select().from(mapGaps).where(eq(mapGaps.mapId, cycle[0].id));
    expect(cycleGaps.some((g) => g.kind === "channel" && g.toValue === "Web")).toBe(false);
    const maps = all.filter((m) => !m.cyclic);
    expect(maps.map((m) => [m.title, m.state]).sort()).toEqual([
      ["SaaS onboarding (current)", "current"],
      ["SaaS onboarding (future state)", "future"],
      ["Support renewal", "current"],
    ]);
    for (const m of maps) {
      expect(m.touchpointCount).toBeGreaterThanOrEqual(7);
      expect(m.ownerDepartment).toBeTruthy();
      expect(m.emotionCurve.every((e) => e !== null)).toBe(true);
      const doc = readMap(await readMapDocument(t.db, acme.id, m.id));
      expect(doc.stages.length).toBeGreaterThanOrEqual(3);
      expect(doc.touchpoints.some((tp) => tp.momentOfTruth)).toBe(true);
      expect(doc.touchpoints.every((tp) => tp.department && tp.owner && tp.kpis.length > 0)).toBe(true);
    }
    const current = maps.find((m) => m.state === "current" && m.title.startsWith("SaaS"))!;
    const future = maps.find((m) => m.state === "future")!;
    expect(future.avgEmotion!).toBeGreaterThan(current.avgEmotion!);
    // Personas are linked by the persona seeder, which runs after the maps.
    expect(maps.every((m) => m.personas.length > 0)).toBe(true);

    const kpis = await t.db.select().from(touchpointKpis).where(eq(touchpointKpis.workspaceId, acme.id));
    expect(kpis.some((k) => k.target === null)).toBe(true);
    expect(kpis.some((k) => k.onTarget === false)).toBe(true);
    expect(kpis.some((k) => k.onTarget === true)).toBe(true);
    const opps = await t.db.select().from(touchpointOpportunities).where(eq(touchpointOpportunities.workspaceId, acme.id));
    expect(new Set(opps.map((o) => o.status))).toEqual(new Set(["open", "in_progress", "done"]));
    const gaps = await t.db.select().from(mapGaps).where(eq(mapGaps.workspaceId, acme.id));
    expect(new Set(gaps.map((g) => g.kind))).toEqual(new Set(["channel", "device", "department"]));
    expect(gaps.filter((g) => g.handled)).toHaveLength(2);
    const evidence = (await Promise.all(maps.map(async (m) => readMap(await readMapDocument(t.db, acme.id, m.id))))).flatMap((d) => d.touchpoints.flatMap((tp) => tp.evidence));
    expect(new Set(evidence.map((e) => e.kind))).toEqual(new Set(["quantitative", "qualitative"]));
  });

  it("links the current and future onboarding maps as a pair, stage by stage, with a mix of statuses", async () => {
    const [acme] = await t.db.select().from(workspaces).where(eq(workspaces.slug, "acme"));
    const maps = await listMaps(t.db, acme.id);
    const current = maps.find((m) => m.state === "current" && m.title.startsWith("SaaS"))!;
    const future = maps.find((m) => m.state === "future")!;
    const loaded = (await loadPairComparison(t.db, acme.id, current.id))!;
    expect(loaded.future.id).toBe(future.id);
    const { comparison } = loaded;
    // Every stage aligns (same ids), so each has both averages and a gap.
    expect(comparison.stages).toHaveLength(4);
    expect(comparison.stages.every((s) => s.gap !== null)).toBe(true);
    expect(comparison.counts).toMatchObject({ added: 1, removed: 2 });
    expect(comparison.counts.changed).toBeGreaterThanOrEqual(5);
    expect(comparison.progress).toMatchObject({ live: 3, in_progress: 2, planned: 2, idea: 1, unset: 0 });
  });
});
