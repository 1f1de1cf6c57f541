// Integration: the workspace home's queries (recent maps, my open opportunities, my maps due for review).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { createUser, createWorkspace } from "@/test/factories";
import { createMap } from "@/test/map-factory";
import { getMapsDueForReview } from "./maps-due-for-review";
import { getMyOpenOpportunities } from "./my-open-opportunities";
import { getRecentMaps } from "./recent-maps";

const NOW = new Date("2026-06-30T12:00:00Z");
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

describe.each(testDrivers)("workspace home queries (%s)", (driver) => {
  let t: TestDatabase;
  let ws: { id: string };
  let me: { id: string; email: string; name: string | null };
  let other: { id: string; email: string };

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    ws = await createWorkspace(t.db);
    const elsewhere = await createWorkspace(t.db);
    me = await createUser(t.db, { name: "Ada Lindqvist", email: "ada@home.test" });
    other = await createUser(t.db, { name: "Ben", email: "ben@home.test" });
    const stages = [{ id: "s", name: "Onboarding" }];
    await createMap(t.db, {
      workspaceId: ws.id, title: "Fresh", ownerId: me.id, updatedBy: other.id, updatedAt: daysAgo(1), stages,
      touchpoints: [
        { id: "a", stageId: "s", title: "Form", department: "Product", owner: "ada lindqvist", emotion: -2,
          opportunities: [{ text: "Mine by name (touchpoint owner)", status: "open" }, { text: "Done already", status: "done" }] },
        { id: "b", stageId: "s", title: "Call", department: "Marketing", emotion: 1,
          opportunities: [{ text: "My department", status: "in_progress" }, { text: "Someone else's", owner: "Ben", department: "Sales" }] },
        { id: "c", stageId: "s", title: "Mail", department: "Sales", emotion: null,
          opportunities: [{ text: "Mine by e-mail", owner: "ADA@home.test" }] },
      ],
    });
    await createMap(t.db, { workspaceId: ws.id, title: "Stale, mine", ownerId: me.id, updatedAt: daysAgo(200), reviewedAt: daysAgo(100) });
    await createMap(t.db, { workspaceId: ws.id, title: "Stale, Ben's", ownerId: other.id, updatedAt: daysAgo(300) });
    await createMap(t.db, { workspaceId: ws.id, title: "Stale, mine, deleted", ownerId: me.id, updatedAt: daysAgo(300), deletedAt: daysAgo(2) });
    await createMap(t.db, {
      workspaceId: elsewhere.id, title: "Elsewhere", ownerId: me.id, updatedAt: daysAgo(400), stages,
      touchpoints: [{ id: "x", stageId: "s", department: "Marketing", opportunities: [{ text: "Other workspace", owner: "Ada Lindqvist" }] }],
    });
    // Migrating a fresh PGlite and seeding is slow on a busy 2-core machine.
  }, 180_000);
  afterAll(async () => t?.close());

  it("recent maps: most recently changed first, with who changed them, never deleted ones", async () => {
    const recent = await getRecentMaps(t.db, ws.id);
    expect(recent.map((m) => m.title)).toEqual(["Fresh", "Stale, mine", "Stale, Ben's"]);
    expect(recent[0]).toMatchObject({ updatedByName: "Ben", touchpointCount: 3, emotionCurve: [-2, 1, null] });
  });

  it("my open opportunities: by my name, my e-mail or my department; in progress first", async () => {
    const mine = await getMyOpenOpportunities(t.db, ws.id, { name: me.name ?? null, email: me.email, department: "Marketing" });
    expect(mine.total).toBe(3);
    expect(mine.items.map((o) => o.text)).toEqual(["My department", "Mine by name (touchpoint owner)", "Mine by e-mail"]);
    const withoutDepartment = await getMyOpenOpportunities(t.db, ws.id, { name: me.name ?? null, email: me.email, department: null });
    expect(withoutDepartment.items.map((o) => o.text)).toEqual(["Mine by name (touchpoint owner)", "Mine by e-mail"]);
  });

  it("maps due for review: mine, stale for 90+ days, not deleted", async () => {
    const due = await getMapsDueForReview(t.db, ws.id, me.id, { now: NOW });
    expect(due.map((m) => [m.title, m.daysStale])).toEqual([["Stale, mine", 100]]);
  });
});
