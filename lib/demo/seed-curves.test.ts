// Integration: the demo's current onboarding map has a curve per persona and journey KPIs with six
// months of history (issue 13, part B).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { journeyMaps, touchpointPersonaEmotions, workspaces } from "@/db/schema";
import { getKpiHistory } from "@/lib/maps/get-kpi-history";
import { personaCurves, readMap } from "@/lib/maps/map-document";
import { readMapDocument } from "@/lib/maps/map-documents";
import { seedDemo } from "./seed-demo";

describe("demo curves", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    await seedDemo(t.db);
  }, 180_000);
  afterAll(async () => t?.close());

  it("gives the current onboarding map two different persona curves and journey KPIs with monthly history", async () => {
    const [acme] = await t.db.select().from(workspaces).where(eq(workspaces.slug, "acme"));
    const [m] = await t.db.select().from(journeyMaps).where(and(eq(journeyMaps.workspaceId, acme.id), eq(journeyMaps.title, "SaaS onboarding (current)")));
    const map = readMap(await readMapDocument(t.db, acme.id, m.id));
    expect(map.personaIds.length).toBeGreaterThanOrEqual(2);
    const [admin, user] = personaCurves(map);
    expect(admin.points.every((p) => p.emotion !== null)).toBe(true);
    expect(admin.points.map((p) => p.emotion)).not.toEqual(user.points.map((p) => p.emotion));
    expect(admin.lowest!.title).toBe("SSO setup");
    expect((await t.db.select().from(touchpointPersonaEmotions).where(eq(touchpointPersonaEmotions.mapId, m.id))).length).toBe(map.touchpoints.length * 2);

    expect(map.journeyKpis.map((k) => k.metric)).toEqual(["nps", "csat", "retention"]);
    const series = await getKpiHistory(t.db, { workspaceId: acme.id, mapId: m.id, scope: "journey" });
    expect(series).toHaveLength(3);
    const nps = series.find((s) => s.kpiId === map.journeyKpis[0].id)!;
    expect(nps.points).toHaveLength(6);
    expect(map.journeyKpis[0].actual).toBe(nps.points.at(-1)!.value);
    const months = nps.points.map((p) => p.at.slice(0, 7));
    expect(new Set(months).size).toBe(6);
  });
});
