// App messages (type 101): broadcastToDocument reaches our clients on the document — on this
// instance and, through the Redis fan-out, on another — and never stock clients that did not
// subscribe (they would not understand the type). Redis is required under CI=true.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachAppMessages } from "@/collab/client/app-messages";
import { attachStoredAck } from "@/collab/client/stored-ack";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { createTeam } from "@/test/factories";
import {
  connectClient, connectRaw, createMapRow, sessionCookie, startTestCollab, waitFor, waitForSync, type TestClient, type TestCollab,
} from "@/test/collab-server";
import { MessageType } from "./protocol";

const SETUP_TIMEOUT = 180_000;
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

async function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}
const hasRedis = await redisAnswers(redisUrl);
// On CI a missing Redis is a failure, never a silent skip.
const withRedis = hasRedis || process.env.CI === "true";

/** Our client: stored acks subscribed (what marks it as understanding type 101) + app messages. */
function ourClient(url: string, docName: string, cookie: string) {
  const client = connectClient(url, docName, { cookie }, { connect: false });
  attachStoredAck(client.provider);
  const messages: unknown[] = [];
  attachAppMessages(client.provider).on((p) => messages.push(p));
  client.provider.connect();
  return { client, messages };
}

describe.each(testDrivers)("collab app messages (%s)", { timeout: 120_000 }, (driver) => {
  let tdb: TestDatabase;
  let one: TestCollab;
  let two: TestCollab | null = null;
  let team: Awaited<ReturnType<typeof createTeam>>;
  const clients: TestClient[] = [];

  beforeAll(async () => {
    tdb = await createTestDatabase(driver);
    one = await startTestCollab(tdb.db, { redisUrl: withRedis ? redisUrl : null });
    if (withRedis) two = await startTestCollab(tdb.db, { redisUrl });
    team = await createTeam(tdb.db);
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await one?.close();
    await two?.close();
    await tdb?.close();
  }, SETUP_TIMEOUT);

  it("delivers to our clients on the document (viewers included), not to stock clients or other documents", async () => {
    const { docName } = await createMapRow(tdb.db, team.workspace.id);
    const other = await createMapRow(tdb.db, team.workspace.id);
    const editor = ourClient(one.url, docName, await sessionCookie(team.editor.id));
    const viewer = ourClient(one.url, docName, await sessionCookie(team.viewer.id));
    const elsewhere = ourClient(one.url, other.docName, await sessionCookie(team.owner.id));
    clients.push(editor.client, viewer.client, elsewhere.client);
    const stock = connectRaw(one.url, docName, { cookie: await sessionCookie(team.owner.id) });
    await stock.opened;
    await waitForSync(editor.client);
    await waitFor(() => viewer.client.provider.wsconnected && elsewhere.client.provider.wsconnected, "connected");
    // The subscribe message goes out on open; give the server a moment to have processed it.
    await waitFor(() => one.service.stats().connections >= 4, "all connected");
    await new Promise((r) => setTimeout(r, 200));

    await one.service.broadcast(docName, { type: "comment", action: "created", commentId: "c1" });
    await waitFor(() => editor.messages.length === 1 && viewer.messages.length === 1, "both clients got the event");
    expect(editor.messages[0]).toEqual({ type: "comment", action: "created", commentId: "c1" });
    await new Promise((r) => setTimeout(r, 300));
    expect(elsewhere.messages).toEqual([]);
    expect(stock.messages.some((m) => m[0] === MessageType.app)).toBe(false);
    stock.ws.close();

    await expect(one.service.broadcast("nonsense", { type: "x" })).rejects.toThrow();
    await expect(one.service.broadcast(docName, { type: "x", big: "x".repeat(20_000) })).rejects.toThrow(/too large/);
  });

  it.runIf(withRedis)("reaches clients connected to another instance through the Redis fan-out", async () => {
    const { docName } = await createMapRow(tdb.db, team.workspace.id);
    const remote = ourClient(two!.url, docName, await sessionCookie(team.editor.id));
    clients.push(remote.client);
    await waitForSync(remote.client);
    await new Promise((r) => setTimeout(r, 200));
    // Instance one does not even hold the document live: the event still reaches instance two's room.
    await one.service.broadcast(docName, { type: "comment", action: "created", commentId: "c2" });
    await waitFor(() => remote.messages.length === 1, "event crossed instances");
    expect(remote.messages[0]).toMatchObject({ commentId: "c2" });
  });
});
