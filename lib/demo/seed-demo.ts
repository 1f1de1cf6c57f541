// The demo workspace of CONTRACT §3, seeded into an empty database so every screen shows real
// content on first start. Content seeders (maps, personas, stakeholders) are called in order.
import { count } from "drizzle-orm";
import type { Database } from "@/db/client";
import { departments, memberships, users, workspaces, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { seedDemoMaps } from "./seed-maps";
import { seedDemoCycleMap, seedDemoVocabulary } from "./seed-vocab";
import { seedDemoPersonas } from "./seed-personas";

export const DEMO_PASSWORD = "journeyboard-demo";

const DEPARTMENTS = [
  { name: "Marketing", color: "#db2777" },
  { name: "Sales", color: "#ea580c" },
  { name: "Customer Service", color: "#0891b2" },
  { name: "Product", color: "#7c3aed" },
  { name: "IT", color: "#475569" },
  { name: "Finance", color: "#16a34a" },
  { name: "HR", color: "#ca8a04" },
  { name: "Management", color: "#1d4ed8" },
];

const PEOPLE: { email: string; name: string; workspace: "acme" | "globex"; role: Role; department?: string }[] = [
  { email: "ada@acme.example", name: "Ada Lindqvist", workspace: "acme", role: "owner", department: "Marketing" },
  { email: "ben@acme.example", name: "Ben Okafor", workspace: "acme", role: "editor", department: "Customer Service" },
  { email: "cem@acme.example", name: "Cem Yilmaz", workspace: "acme", role: "editor", department: "Sales" },
  { email: "vic@acme.example", name: "Vic Moreau", workspace: "acme", role: "viewer", department: "Management" },
  { email: "oz@globex.example", name: "Oz Tanaka", workspace: "globex", role: "owner" },
];

/** What content seeders receive: ids of the demo workspace, people and departments. */
export type DemoContext = {
  acmeId: string;
  globexId: string;
  userIds: Record<string, string>;
  departmentIds: Record<string, string>;
};

/** Seeds the demo workspaces when the database has no users yet. Returns whether it seeded. */
export async function seedDemo(db: Database): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(users);
  if (n > 0) return false;
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
        .values({ email: person.email, name: person.name, passwordHash, emailVerified: new Date() })
        .returning();
      userIds[person.email] = user.id;
      await tx.insert(memberships).values({
        workspaceId: person.workspace === "acme" ? acme.id : globex.id,
        userId: user.id,
        role: person.role,
        departmentId: person.department ? departmentIds[person.department] : null,
      });
    }
    return { acmeId: acme.id, globexId: globex.id, userIds, departmentIds } satisfies DemoContext;
  });
  await seedDemoContent(db, ctx);
  return true;
}

/** Content of the demo workspace, added by each product area. */
async function seedDemoContent(db: Database, ctx: DemoContext): Promise<void> {
  await seedDemoVocabulary(db, ctx);
  await seedDemoMaps(db, ctx);
  await seedDemoCycleMap(db, ctx);
  // Personas link themselves to the maps that exist: keep this after the maps seeder.
  await seedDemoPersonas(db, ctx);
}
