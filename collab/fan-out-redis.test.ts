// Two service instances on one database, connected through Redis: clients on different instances
// see each other's edits and presence; membership changes reach the other instance too.
// Needs Redis at REDIS_URL (default redis://127.0.0.1:6379): fails under CI=true without it,
// skips elsewhere (test/services.ts).
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memberships } from "@/db/schema";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { createTeam } from "@/test/factories";
import {
  connectClient, createMapRow, sessionCookie, startTestCollab, waitFor, waitForSync, type TestClient, type TestCollab,
} from "@/test/collab-server";
import { redisForTests } from "@/test/services";
import { CloseCode } from "./close-codes";

// Creating a database runs every migration: slow on a busy machine, so hooks get more than the default.
const SETUP_TIMEOUT = 180_000;

const redisUrl = (await redisForTests()) ?? "";
const hasRedis = redisUrl !== "";

describe.skipIf(!hasRedis).each(testDrivers)("collab fan-out over Redis (%s)", { timeout: 120_000 }, (driver) => {
  let tdb: TestDatabase;
  let one: TestCollab;
  let two: TestCollab;
  let team: Awaited<ReturnType<typeof createTeam>>;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    tdb = await createTestDatabase(driver);
    one = await startTestCollab(tdb.db, { redisUrl });
    two = await startTestCollab(tdb.db, { redisUrl });
    team = await createTeam(tdb.db);
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await one?.close();
    await two?.close();
    await tdb?.close();
  }, SETUP_TIMEOUT);

  it("relays stored updates and awareness between instances", async () => {
    const { docName } = await createMapRow(tdb.db, team.workspace.id);
    const a = connectClient(one.url, docName, { cookie: await sessionCookie(team.owner.id) });
    const b = connectClient(two.url, docName, { cookie: await sessionCookie(team.editor.id) });
    clients.push(a, b);
    await waitForSync(a);
    await waitForSync(b);
    a.doc.getText("t").insert(0, "from one");
    await waitFor(() => b.doc.getText("t").toString() === "from one", "instance two relays instance one's edit");
    b.doc.getMap("m").set("k", "from two");
    await waitFor(() => a.doc.getMap("m").get("k") === "from two", "and back");
    a.provider.awareness.setLocalStateField("user", { name: "Ada" });
    await waitFor(() => b.provider.awareness.getStates().has(a.doc.clientID), "presence across instances");
    // Each update is stored once (by the instance that accepted it).
    await one.service.flush();
    await two.service.flush();
    expect(one.service.stats().counters.updates + two.service.stats().counters.updates).toBe(2);
    expect(one.service.instanceId).not.toBe(two.service.instanceId);
  });

  it("applies a membership change made through one instance to connections on the other", async () => {
    const { docName } = await createMapRow(tdb.db, team.workspace.id);
    const member = connectClient(two.url, docName, { cookie: await sessionCookie(team.editor.id) });
    clients.push(member);
    await waitForSync(member);
    await tdb.db.delete(memberships).where(and(eq(memberships.workspaceId, team.workspace.id), eq(memberships.userId, team.editor.id)));
    await one.service.refreshMember(team.workspace.id, team.editor.id);
    await waitFor(() => member.closes.some((c) => c.code === CloseCode.forbidden), "closed on the other instance");
  });
});
