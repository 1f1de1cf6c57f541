// Integration: Acme's demo personas link to its maps (document and projection) and its stakeholder map is rich.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { eq } from "drizzle-orm";
import { createTestDatabase, type TestDatabase } from "@/test/database";
import { createUser, createWorkspace } from "@/test/factories";
import { insertDocumentSnapshot } from "@/db/queries/collab-documents";
import { listPersonaMaps, listPersonas } from "@/db/queries/personas";
import { listProjectedStakeholders, listStakeholderMaps } from "@/db/queries/stakeholders";
import { journeyMaps, mapPersonas } from "@/db/schema";
import { createMapDocument, readMap } from "@/lib/maps/map-document";
import { getDocumentStore } from "@/lib/personas/document-store";
import { readStakeholderMap } from "@/lib/stakeholders/stakeholder-document";
import { seedDemoPersonas } from "./seed-personas";

describe("demo personas and stakeholders", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("seeds personas linked to the maps and a stakeholder map with departments and relationships", async () => {
    const acme = await createWorkspace(t.db);
    const ada = await createUser(t.db);
    const maps = await t.db
      .insert(journeyMaps)
      .values([
        { workspaceId: acme.id, title: "SaaS onboarding" },
        { workspaceId: acme.id, title: "Support request" },
      ])
      .returning();
    for (const m of maps) await insertDocumentSnapshot(t.db, `map:${m.id}`, acme.id, Y.encodeStateAsUpdate(createMapDocument({ title: m.title })));

    await seedDemoPersonas(t.db, { acmeId: acme.id, userIds: { "ada@acme.example": ada.id } });

    const personas = await listPersonas(t.db, acme.id);
    expect(personas.map((p) => p.segment).sort()).toEqual(["Daily user", "Economic buyer", "IT admin"]);
    const admin = personas.find((p) => p.segment === "IT admin")!;
    const user = personas.find((p) => p.segment === "Daily user")!;
    expect((await listPersonaMaps(t.db, acme.id, admin.id)).map((m) => m.title)).toEqual(["SaaS onboarding"]);
    expect((await listPersonaMaps(t.db, acme.id, user.id)).map((m) => m.title).sort()).toEqual(["SaaS onboarding", "Support request"]);
    // The map documents carry the same links (the source of truth the map projection reads).
    const store = getDocumentStore(t.db);
    for (const m of maps) {
      const doc = await store.read(`map:${m.id}`, acme.id);
      const links = await t.db.select({ personaId: mapPersonas.personaId }).from(mapPersonas).where(eq(mapPersonas.mapId, m.id));
      expect(readMap(doc).personaIds.sort()).toEqual(links.map((l) => l.personaId).sort());
      expect(readMap(doc).title).toBe(m.title);
    }

    const [sm] = await listStakeholderMaps(t.db, acme.id);
    expect(sm.stakeholderCount).toBeGreaterThanOrEqual(10);
    const projected = await listProjectedStakeholders(t.db, acme.id, sm.id);
    expect(projected.filter((s) => s.type === "department").map((s) => s.department).sort()).toEqual(
      ["Customer Service", "Finance", "IT", "Marketing", "Product", "Sales"],
    );
    const data = readStakeholderMap(await store.read(`stakeholders:${sm.id}`, acme.id));
    expect(data.relationships.length).toBeGreaterThanOrEqual(10);
    expect(new Set(data.stakeholders.map((s) => s.type))).toEqual(new Set(["department", "team", "person", "partner", "system"]));
  });
});
