// Integration: the demo workspace in German (DEMO_LOCALE=de or a German system locale) — maps,
// personas, stakeholder map, departments, KPI names and units — searchable with German stemming.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { listMaps } from "@/db/queries/maps";
import { listPersonas } from "@/db/queries/personas";
import { listStakeholderMaps } from "@/db/queries/stakeholders";
import { departments, touchpointKpis, users, workspaces } from "@/db/schema";
import { demoLocale, type Env } from "@/env";
import { searchWorkspace } from "@/lib/search/search-workspace";
import { DE } from "./content/de";
import { EN } from "./content/en";
import { seedDemo } from "./seed-demo";

describe("demo locale from the environment", () => {
  const env = (e: Partial<Env>) => e as Env;
  it("DEMO_LOCALE wins; else LC_ALL before LANG; anything not German is English", () => {
    expect(demoLocale(env({ DEMO_LOCALE: "de", LANG: "en_US.UTF-8" }))).toBe("de");
    expect(demoLocale(env({ DEMO_LOCALE: "en", LANG: "de_DE.UTF-8" }))).toBe("en");
    expect(demoLocale(env({ LANG: "de_DE.UTF-8" }))).toBe("de");
    expect(demoLocale(env({ LANG: "de" }))).toBe("de");
    expect(demoLocale(env({ LC_ALL: "en_GB.UTF-8", LANG: "de_AT.UTF-8" }))).toBe("en");
    expect(demoLocale(env({ LC_ALL: "de_CH.UTF-8", LANG: "C.UTF-8" }))).toBe("de");
    expect(demoLocale(env({ LANG: "C.UTF-8" }))).toBe("en");
    expect(demoLocale(env({ LANG: "dev" }))).toBe("en");
    expect(demoLocale(env({}))).toBe("en");
  });

  it("both languages have the same shape: as many stages, touchpoints, personas and stakeholders", () => {
    for (const key of ["onboardingCurrent", "onboardingFuture", "supportRenewal"] as const) {
      const en = EN.maps[key], de = DE.maps[key];
      expect(de.stages.map((s) => s.touchpoints.length)).toEqual(en.stages.map((s) => s.touchpoints.length));
      expect(de.stages.flatMap((s) => s.touchpoints.map((t) => [t.emotion, t.momentOfTruth ?? false, t.kpis?.length]))).toEqual(
        en.stages.flatMap((s) => s.touchpoints.map((t) => [t.emotion, t.momentOfTruth ?? false, t.kpis?.length])),
      );
      // Every department a German touchpoint names is a German department of the workspace.
      const names = new Set(DE.departments.map((d) => d.name));
      expect(de.stages.flatMap((s) => s.touchpoints.map((t) => t.department)).every((d) => names.has(d!))).toBe(true);
      expect(names.has(de.ownerDepartment)).toBe(true);
    }
    expect(DE.personas.personas.map((p) => p.key)).toEqual(EN.personas.personas.map((p) => p.key));
    expect(DE.personas.personas.every((p) => (p.competitors?.length ?? 0) > 0)).toBe(true);
    expect(DE.personas.stakeholders.stakeholders!.map((s) => s.id)).toEqual(EN.personas.stakeholders.stakeholders!.map((s) => s.id));
    expect(DE.departments.map((d) => d.key)).toEqual(EN.departments.map((d) => d.key));
  });
});

describe("German demo seed", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it("seeds Acme in German: maps, personas, stakeholders, departments, KPIs and units, the people's language", async () => {
    expect(await seedDemo(t.db, { locale: "de" })).toBe(true);
    const [acme] = await t.db.select().from(workspaces).where(eq(workspaces.slug, "acme"));
    const maps = await listMaps(t.db, acme.id);
    expect(maps.map((m) => m.title).sort()).toEqual(["Beziehungszyklus: vom Impuls zur Empfehlung", "SaaS-Onboarding (Ist-Zustand)", "SaaS-Onboarding (Soll-Zustand)", "Support und Vertragsverlängerung"]);
    expect(maps.find((m) => m.title.includes("Ist-Zustand"))!.ownerDepartment).toBe("Kundenservice");
    expect((await listPersonas(t.db, acme.id)).map((p) => p.segment).sort()).toEqual(["IT-Administratorin", "Täglicher Nutzer", "Wirtschaftliche Entscheiderin"]);
    expect((await listStakeholderMaps(t.db, acme.id)).map((s) => s.title)).toEqual(["Acme-Kundenökosystem"]);
    const depts = await t.db.select({ name: departments.name }).from(departments).where(eq(departments.workspaceId, acme.id));
    expect(depts.map((d) => d.name)).toContain("Kundenservice");
    const kpis = await t.db.select().from(touchpointKpis).where(and(eq(touchpointKpis.workspaceId, acme.id), eq(touchpointKpis.name, "Zeit bis SSO live")));
    expect(kpis.map((k) => k.unit)).toContain("Tage");
    const [ada] = await t.db.select().from(users).where(eq(users.email, "ada@acme.example"));
    expect(ada.locale).toBe("de");
  });

  it("is searchable in German right after seeding (Rechnungen → Erste Rechnung)", async () => {
    const [acme] = await t.db.select().from(workspaces).where(eq(workspaces.slug, "acme"));
    const results = await searchWorkspace(t.db, { workspaceId: acme.id, slug: "acme", q: "Rechnungen" });
    expect(results.map((r) => r.title)).toContain("Erste Rechnung");
    const competitors = await searchWorkspace(t.db, { workspaceId: acme.id, slug: "acme", q: "Konkurrenzangebot" });
    expect(competitors[0]).toMatchObject({ kind: "persona", title: "Dr. Karin Vogt", field: "competitors" });
  });
});
