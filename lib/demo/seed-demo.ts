// The demo workspace of CONTRACT §3, seeded into an empty database so every screen shows real
// content on first start. Content seeders (maps, personas, stakeholders) are called in order.
import { count } from "drizzle-orm";
import type { Database } from "@/db/client";
import { departments, memberships, users, workspaces, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { demoLocale } from "@/env";
import { demoContent, type DemoContent, type DemoLocale } from "./content";
import type { DemoDepartmentKey } from "./content/types";
import { seedDemoMaps } from "./seed-maps";
import { seedDemoCurves } from "./seed-curves";
import { seedDemoPersonas } from "./seed-personas";

export const DEMO_PASSWORD = "journeyboard-demo";

const PEOPLE: { email: string; name: string; workspace: "acme" | "globex"; role: Role; department?: DemoDepartmentKey }[] = [
  { email: "ada@acme.example", name: "Ada Lindqvist", workspace: "acme", role: "owner", department: "marketing" },
  { email: "ben@acme.example", name: "Ben Okafor", workspace: "acme", role: "editor", department: "service" },
  { email: "cem@acme.example", name: "Cem Yilmaz", workspace: "acme", role: "editor", department: "sales" },
  { email: "vic@acme.example", name: "Vic Moreau", workspace: "acme", role: "viewer", department: "management" },
  { email: "oz@globex.example", name: "Oz Tanaka", workspace: "globex", role: "owner" },
];

/** What content seeders receive: ids of the demo workspace, people and departments (by name), and the language. */
export type DemoContext = {
  acmeId: string;
  globexId: string;
  userIds: Record<string, string>;
  departmentIds: Record<string, string>;
  /** The demo's language: add your feature's demo texts in both and pick by this. */
  locale: DemoLocale;
};

export type SeedDemoOptions = {
  /** Language of the demo content; default from the environment (DEMO_LOCALE, else LC_ALL/LANG). */
  locale?: DemoLocale;
};

/** Seeds the demo workspaces when the database has no users yet. Returns whether it seeded. */
export async function seedDemo(db: Database, options: SeedDemoOptions = {}): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(users);
  if (n > 0) return false;
  const locale = options.locale ?? demoLocale();
  const content = demoContent(locale);
  const DEPARTMENTS = content.departments.map(({ name, color }) => ({ name, color }));
  const departmentName = (key: DemoDepartmentKey) => content.departments.find((d) => d.key === key)!.name;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ctx = await db.transaction(async (tx) => {
    const [acme] = await tx.insert(workspaces).values({ slug: "acme", name: "Acme" }).returning();
    const [globex] = await tx.insert(workspaces).values({ slug: "globex", name: "Globex" }).returning();
    const depts = await tx
      .insert(departments)
      .values(DEPARTMENTS.map((d, position) => ({ ...d, position, workspaceId: acme.id })))
      .returning();
    await tx.insert(departments).values(DEPARTMENTS.slice(0, 4).map((d, position) => ({ ...d, position, workspaceId: globex.id })));
    const departmentIds = Object.fromEntries(depts.map((d) => [d.name, d.id]));
    const userIds: Record<string, string> = {};
    for (const person of PEOPLE) {
      const [user] = await tx
        .insert(users)
        // A German demo speaks German to its people too (their UI language; they can change it).
        .values({ email: person.email, name: person.name, passwordHash, emailVerified: new Date(), ...(locale === "de" ? { locale: "de" } : {}) })
        .returning();
      userIds[person.email] = user.id;
      await tx.insert(memberships).values({
        workspaceId: person.workspace === "acme" ? acme.id : globex.id,
        userId: user.id,
        role: person.role,
        departmentId: person.department ? departmentIds[departmentName(person.department)] : null,
      });
    }
    return { acmeId: acme.id, globexId: globex.id, userIds, departmentIds, locale } satisfies DemoContext;
  });
  await seedDemoContent(db, ctx, content);
  return true;
}

/** Content of the demo workspace, added by each product area. */
async function seedDemoContent(db: Database, ctx: DemoContext, content: DemoContent): Promise<void> {
  const maps = await seedDemoMaps(db, ctx, content.maps);
  // Personas link themselves to the maps that exist: keep this after the maps seeder.
  await seedDemoPersonas(db, ctx, content.personas);
  // Persona curves need the linked personas: after the personas seeder.
  await seedDemoCurves(db, { workspaceId: ctx.acmeId, mapId: maps.onboardingCurrent, locale: ctx.locale });
}
