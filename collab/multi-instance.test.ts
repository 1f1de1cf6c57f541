// Several processes on one PostgreSQL + Redis: two sync-service instances (and one in a child
// process that is killed), plus an "app process" without /collab that reaches them only through
// the live-documents port's cross-process implementation. Edits, presence, server edits, deletes,
// membership changes and app messages must reach every client on every instance; a Redis outage
// leaves each instance serving its own clients and they catch up when it returns; the PostgreSQL
// LISTEN/NOTIFY control channel does the same job without Redis; jobs run once.
// Needs PostgreSQL (DATABASE_URL) and Redis: fails under CI=true without them (test/services.ts).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import readline from "node:readline";
import { and, eq } from "drizzle-orm";
import * as decoding from "lib0/decoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "@/db/client";
import { journeyMaps, memberships } from "@/db/schema";
import { runExclusive } from "@/lib/jobs/run-exclusive";
import { createPostgresControlChannel, createRedisControlChannel, type ControlChannel } from "@/lib/live-documents/control-channel";
import { createCrossProcessLiveDocuments, type CrossProcessLiveDocuments } from "@/lib/live-documents/cross-process";
import { createTeam } from "@/test/factories";
import {
  connectClient, connectRaw, createAccessToken, createMapRow, createThrowawayPostgres, sessionCookie, startTestCollab, waitFor, waitForSync,
  type RawClient, type TestClient, type TestCollab,
} from "@/test/collab-server";
import { postgresForTests, privateRedis, redisForTests, type PrivateRedis } from "@/test/services";
import { CloseCode } from "./close-codes";
import { attachStoredAck } from "./client/stored-ack";
import { encodeStoredSubscribe, MessageType } from "./protocol";

const SETUP_TIMEOUT = 180_000;
const pgBase = postgresForTests();
const redisUrl = await redisForTests();
const ready = Boolean(pgBase && redisUrl);

/** App messages (MessageType.app) a raw client received. */
function appMessages(raw: RawClient): unknown[] {
  return raw.messages
    .filter((m) => m[0] === MessageType.app)
    .map((m) => {
      const d = decoding.createDecoder(m);
      decoding.readVarUint(d);
      return JSON.parse(decoding.readVarString(d));
    });
}

describe.skipIf(!ready)("several instances on PostgreSQL + Redis", { timeout: 120_000 }, () => {
  let pg: Awaited<ReturnType<typeof createThrowawayPostgres>>;
  let handle: Awaited<ReturnType<typeof openDatabase>>;
  let db: Database;
  let one: TestCollab;
  let two: TestCollab;
  let appChannel: ControlChannel;
  let app: CrossProcessLiveDocuments;
  const projected: string[] = [];
  let team: Awaited<ReturnType<typeof createTeam>>;
  const clients: TestClient[] = [];
  const raws: RawClient[] = [];
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  const client = async (on: TestCollab, docName: string, userId: string) => {
    const c = connectClient(on.url, docName, { cookie: await sessionCookie(userId) });
    clients.push(c);
    await waitForSync(c);
    return c;
  };

  beforeAll(async () => {
    pg = await createThrowawayPostgres(pgBase!);
    handle = await openDatabase({ url: pg.url });
    db = handle.db;
    one = await startTestCollab(db, { redisUrl });
    two = await startTestCollab(db, { redisUrl });
    appChannel = await createRedisControlChannel(redisUrl!);
    app = createCrossProcessLiveDocuments(appChannel);
    app.onDocumentChanged((name) => void projected.push(name));
    team = await createTeam(db);
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    for (const r of raws) r.ws.terminate();
    for (const c of cleanups.reverse()) await c();
    await one?.close();
    await two?.close();
    await appChannel?.close();
    await handle?.close();
    await pg?.drop();
  }, SETUP_TIMEOUT);

  it("relays client edits and presence between the instances", async () => {
    const { docName } = await createMapRow(db, team.workspace.id);
    const a = await client(one, docName, team.owner.id);
    const b = await client(two, docName, team.editor.id);
    a.doc.getText("t").insert(0, "from one");
    await waitFor(() => b.doc.getText("t").toString() === "from one", "instance two relays instance one's edit");
    a.provider.awareness.setLocalStateField("user", { name: "Ada" });
    await waitFor(() => b.provider.awareness.getStates().has(a.doc.clientID), "presence across instances");
  });

  it("delivers an edit stored by the app process (no /collab there) to clients on both instances, and projects it there", async () => {
    const { docName } = await createMapRow(db, team.workspace.id);
    const a = await client(one, docName, team.owner.id);
    const b = await client(two, docName, team.editor.id);
    await app.edit(db, docName, team.workspace.id, (doc) => doc.getText("t").insert(0, "via REST;"));
    await waitFor(() => a.doc.getText("t").toString() === "via REST;", "instance one shows the server edit");
    await waitFor(() => b.doc.getText("t").toString() === "via REST;", "instance two shows the server edit");
    expect(projected).toContain(docName);
    // And the other way: what the clients type is what the app reads back.
    b.doc.getText("t").insert(9, "typed");
    await waitFor(async () => (await app.read(db, docName, team.workspace.id)).getText("t").toString() === "via REST;typed", "stored client edit readable by the app");
  });

  it("refuses an app-process edit of a document in another workspace (404) and stores nothing", async () => {
    const other = await createTeam(db);
    const { docName } = await createMapRow(db, other.workspace.id);
    await expect(app.edit(db, docName, team.workspace.id, (doc) => doc.getText("t").insert(0, "intrusion"))).rejects.toMatchObject({ code: "not_found" });
    expect((await app.read(db, docName, other.workspace.id)).getText("t").toString()).toBe("");
  });

  it("applies membership changes made in the app process on both instances", async () => {
    const t = await createTeam(db);
    const { docName } = await createMapRow(db, t.workspace.id);
    const owner = await client(one, docName, t.owner.id);
    const onOne = await client(one, docName, t.editor.id);
    const onTwo = await client(two, docName, t.editor.id);
    // Demoted to viewer: edits from either instance stay local from now on.
    await db.update(memberships).set({ role: "viewer" }).where(and(eq(memberships.workspaceId, t.workspace.id), eq(memberships.userId, t.editor.id)));
    await app.membershipChanged(t.workspace.id, t.editor.id);
    owner.doc.getText("t").insert(0, "owner;");
    await waitFor(() => onTwo.doc.getText("t").toString() === "owner;", "viewer on two still receives");
    // Removed: connections on both instances close with 4403.
    await db.delete(memberships).where(and(eq(memberships.workspaceId, t.workspace.id), eq(memberships.userId, t.editor.id)));
    await app.membershipChanged(t.workspace.id, t.editor.id);
    await waitFor(() => onOne.closes.some((c) => c.code === CloseCode.forbidden), "closed on instance one");
    await waitFor(() => onTwo.closes.some((c) => c.code === CloseCode.forbidden), "closed on instance two");
    expect(owner.closes.some((c) => c.code === CloseCode.forbidden)).toBe(false);
  });

  it("makes a demoted editor read-only on the other instance: its edits are acknowledged as read-only and not stored", async () => {
    const t = await createTeam(db);
    const { docName } = await createMapRow(db, t.workspace.id);
    const member = connectClient(two.url, docName, { cookie: await sessionCookie(t.editor.id) }, { connect: false });
    clients.push(member);
    const tracker = attachStoredAck(member.provider);
    member.provider.connect();
    await waitForSync(member);
    member.doc.getText("t").insert(0, "as editor;");
    await waitFor(() => tracker.status === "saved", "stored as editor");
    await db.update(memberships).set({ role: "viewer" }).where(and(eq(memberships.workspaceId, t.workspace.id), eq(memberships.userId, t.editor.id)));
    // Announced by the app process; the connection lives on instance two.
    await app.membershipChanged(t.workspace.id, t.editor.id);
    await waitFor(async () => {
      member.doc.getText("t").insert(member.doc.getText("t").length, "x");
      await waitFor(() => tracker.status === "saved", "acknowledged", 10_000);
      return tracker.readOnly;
    }, "the connection became read-only");
    member.doc.getText("t").insert(0, "as viewer;");
    await waitFor(() => tracker.status === "saved", "acknowledged (read-only)");
    await two.service.flush();
    expect((await app.read(db, docName, t.workspace.id)).getText("t").toString()).not.toContain("as viewer;");
  });

  it("closes connections on both instances when the app process deletes the document", async () => {
    const { id, docName } = await createMapRow(db, team.workspace.id);
    const a = await client(one, docName, team.owner.id);
    const b = await client(two, docName, team.editor.id);
    await db.update(journeyMaps).set({ deletedAt: new Date() }).where(eq(journeyMaps.id, id));
    await app.documentDeleted(docName);
    await waitFor(() => a.closes.some((c) => c.code === CloseCode.forbidden), "closed on instance one");
    await waitFor(() => b.closes.some((c) => c.code === CloseCode.forbidden), "closed on instance two");
  });

  it("broadcasts app messages to the clients of a document on every instance", async () => {
    const { docName } = await createMapRow(db, team.workspace.id);
    const cookie = await sessionCookie(team.owner.id);
    const onOne = connectRaw(one.url, docName, { cookie });
    const onTwo = connectRaw(two.url, docName, { cookie });
    const elsewhere = connectRaw(two.url, (await createMapRow(db, team.workspace.id)).docName, { cookie });
    raws.push(onOne, onTwo, elsewhere);
    await Promise.all([onOne.opened, onTwo.opened, elsewhere.opened]);
    // App messages go to clients that said they understand them (subscribing to stored acks, as ours do).
    for (const raw of [onOne, onTwo, elsewhere]) raw.ws.send(encodeStoredSubscribe());
    await waitFor(() => one.service.stats().connections > 0 && two.service.stats().connections > 1, "connections registered");
    await new Promise((resolve) => setTimeout(resolve, 200));
    await app.broadcast(docName, { type: "comment.added", id: "c1" });
    await one.service.broadcast(docName, { type: "comment.added", id: "c2" });
    await waitFor(() => appMessages(onOne).length === 2 && appMessages(onTwo).length === 2, "both messages on both instances");
    expect(appMessages(onTwo)).toEqual(expect.arrayContaining([{ type: "comment.added", id: "c1" }, { type: "comment.added", id: "c2" }]));
    expect(appMessages(elsewhere)).toEqual([]);
    await expect(app.broadcast(docName, { type: "big", body: "x".repeat(5000) })).rejects.toThrow(/too large/);
  });

  it("keeps serving each instance's own clients while Redis is down, and catches up when it returns", async () => {
    const redis: PrivateRedis | null = await privateRedis();
    if (!redis) return; // outside CI without redis-server (privateRedis throws under CI=true)
    cleanups.push(() => redis.stop());
    const five = await startTestCollab(db, { redisUrl: redis.url });
    const six = await startTestCollab(db, { redisUrl: redis.url });
    cleanups.push(() => five.close(), () => six.close());
    const outageApp = createCrossProcessLiveDocuments(await createRedisControlChannel(redis.url, () => {}));
    const { docName } = await createMapRow(db, team.workspace.id);
    const a = await client(five, docName, team.owner.id);
    const a2 = await client(five, docName, team.viewer.id);
    const b = await client(six, docName, team.editor.id);
    a.doc.getText("t").insert(0, "before;");
    await waitFor(() => b.doc.getText("t").toString() === "before;", "relayed while Redis is up");

    await redis.stop();
    a.doc.getText("t").insert(a.doc.getText("t").length, "during-a;");
    b.doc.getText("t").insert(0, "during-b;");
    await outageApp.edit(db, docName, team.workspace.id, (doc) => doc.getMap("m").set("rest", "during"));
    // Same instance: still live.
    await waitFor(() => a2.doc.getText("t").toString().includes("during-a;"), "an instance serves its own clients during the outage");
    // A document first opened during the outage still loads.
    const { docName: fresh } = await createMapRow(db, team.workspace.id);
    const late = await client(five, fresh, team.owner.id);
    expect(late.provider.synced).toBe(true);

    await redis.start();
    await waitFor(() => b.doc.getText("t").toString().includes("during-a;"), "instance six catches up", 60_000);
    await waitFor(() => a.doc.getText("t").toString().includes("during-b;"), "instance five catches up", 60_000);
    await waitFor(() => a.doc.getMap("m").get("rest") === "during" && b.doc.getMap("m").get("rest") === "during", "the app's stored edit reaches both", 60_000);
    b.doc.getText("t").insert(0, "after;");
    await waitFor(() => a.doc.getText("t").toString().startsWith("after;"), "relay works again");
  }, 180_000);

  it("starts with Redis down, serves each instance's own clients, and joins the fan-out once Redis starts", async () => {
    const redis: PrivateRedis | null = await privateRedis();
    if (!redis) return; // outside CI without redis-server (privateRedis throws under CI=true)
    cleanups.push(() => redis.stop());
    await redis.stop();
    const started = Date.now();
    const seven = await startTestCollab(db, { redisUrl: redis.url });
    const eight = await startTestCollab(db, { redisUrl: redis.url });
    cleanups.push(() => seven.close(), () => eight.close());
    expect(Date.now() - started).toBeLessThan(30_000);
    const { docName } = await createMapRow(db, team.workspace.id);
    const a = await client(seven, docName, team.owner.id);
    const a2 = await client(seven, docName, team.viewer.id);
    const b = await client(eight, docName, team.editor.id);
    a.doc.getText("t").insert(0, "down-a;");
    b.doc.getText("t").insert(0, "down-b;");
    await waitFor(() => a2.doc.getText("t").toString().includes("down-a;"), "an instance serves its own clients without Redis");
    // Stored all the same: a fresh load on either instance has both edits.
    await waitFor(async () => {
      const s = (await seven.service.getDocumentState(docName)).getText("t").toString();
      return s.includes("down-a;");
    }, "stored without Redis");
    expect(b.doc.getText("t").toString()).not.toContain("down-a;"); // no fan-out yet

    await redis.start();
    await waitFor(() => b.doc.getText("t").toString().includes("down-a;"), "instance eight catches up once Redis is up", 60_000);
    await waitFor(() => a.doc.getText("t").toString().includes("down-b;"), "instance seven catches up once Redis is up", 60_000);
    // Fan-out works from now on (not only the catch-up).
    a.doc.getText("t").insert(0, "up;");
    await waitFor(() => b.doc.getText("t").toString().startsWith("up;"), "live relay across instances after Redis started", 60_000);
    expect(seven.logs.some((l) => l.event === "redis_unreachable")).toBe(true);
  }, 180_000);

  it("loses nothing acknowledged when an instance is killed and its client reconnects to another", async () => {
    const t = await createTeam(db);
    const { docName } = await createMapRow(db, t.workspace.id);
    const { token } = await createAccessToken(db, t.editor.id);
    const child = await startChild({ CHILD_DATABASE_URL: pg.url, CHILD_REDIS_URL: redisUrl! });
    cleanups.push(() => killed(child.proc));
    const writer = connectClient(`ws://127.0.0.1:${child.port}/collab`, docName, { bearer: token });
    const watcher = connectClient(two.url, docName, { bearer: token });
    clients.push(writer, watcher);
    await waitForSync(writer);
    await waitForSync(watcher);
    const items = writer.doc.getArray<string>("items");
    for (let i = 0; i < 30; i++) items.push([`edit ${i}`]);
    // Relayed through the other instance means stored (store before relay).
    await waitFor(() => watcher.doc.getArray("items").length === 30, "watcher on instance two sees every edit");
    await killed(child.proc);
    writer.provider.disconnect();
    writer.provider.destroy();
    // Typed while disconnected, sent on reconnecting — to the surviving instance (as a load balancer would).
    items.push(["offline edit"]);
    const again = connectClient(two.url, docName, { bearer: token }, { doc: writer.doc });
    clients.push(again);
    await waitForSync(again);
    await waitFor(() => watcher.doc.getArray("items").length === 31, "the reconnected client's offline edit arrives");
    await two.service.flush();
    const reader = connectClient(one.url, docName, { bearer: token });
    clients.push(reader);
    await waitForSync(reader);
    expect(reader.doc.getArray("items").toArray()).toEqual([...Array.from({ length: 30 }, (_, i) => `edit ${i}`), "offline edit"]);
  }, 240_000);

  it("runs a job once across instances: parallel claims, then not again within its period", async () => {
    let runs = 0;
    const job = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 200));
      return runs;
    };
    const results = await Promise.all(["a", "b", "c"].map((owner) => runExclusive(db, "test-job", job, { owner, everyMs: 60_000 })));
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    expect(runs).toBe(1);
    expect((await runExclusive(db, "test-job", job, { owner: "d", everyMs: 60_000 })).ran).toBe(false);
    // A failed run releases the job for a retry.
    await expect(runExclusive(db, "failing-job", async () => { throw new Error("boom"); }, { owner: "a" })).rejects.toThrow("boom");
    expect((await runExclusive(db, "failing-job", async () => 1, { owner: "b" })).ran).toBe(true);
  });
});

describe.skipIf(!pgBase)("control channel over PostgreSQL LISTEN/NOTIFY (no Redis)", { timeout: 120_000 }, () => {
  let pg: Awaited<ReturnType<typeof createThrowawayPostgres>>;
  let handle: Awaited<ReturnType<typeof openDatabase>>;
  let sync: TestCollab;
  const channels: ControlChannel[] = [];
  const clients: TestClient[] = [];

  beforeAll(async () => {
    pg = await createThrowawayPostgres(pgBase!);
    handle = await openDatabase({ url: pg.url });
    const syncChannel = await createPostgresControlChannel(pg.url);
    channels.push(syncChannel);
    sync = await startTestCollab(handle.db, { redisUrl: null, control: syncChannel });
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await sync?.close();
    for (const c of channels) await c.close();
    await handle?.close();
    await pg?.drop();
  }, SETUP_TIMEOUT);

  it("delivers the app process's edits (at commit), membership changes and deletes to the sync process", async () => {
    const appChannel = await createPostgresControlChannel(pg.url);
    channels.push(appChannel);
    const app = createCrossProcessLiveDocuments(appChannel);
    const db = handle.db;
    const team = await createTeam(db);
    const { id, docName } = await createMapRow(db, team.workspace.id);
    const c = connectClient(sync.url, docName, { cookie: await sessionCookie(team.owner.id) });
    const member = connectClient(sync.url, docName, { cookie: await sessionCookie(team.editor.id) });
    clients.push(c, member);
    await waitForSync(c);
    await waitForSync(member);

    // Inside a transaction the NOTIFY is delivered at commit, so the sync process re-reads committed data.
    await db.transaction(async (tx) => {
      await app.edit(tx, docName, team.workspace.id, (doc) => doc.getText("t").insert(0, "in a transaction"));
    });
    await waitFor(() => c.doc.getText("t").toString() === "in a transaction", "edit relayed after commit");

    await db.delete(memberships).where(and(eq(memberships.workspaceId, team.workspace.id), eq(memberships.userId, team.editor.id)));
    await app.membershipChanged(team.workspace.id, team.editor.id);
    await waitFor(() => member.closes.some((x) => x.code === CloseCode.forbidden), "removed member closed");

    await db.update(journeyMaps).set({ deletedAt: new Date() }).where(eq(journeyMaps.id, id));
    await app.documentDeleted(docName);
    await waitFor(() => c.closes.some((x) => x.code === CloseCode.forbidden), "deleted document closed");
  });
});

type Child = { proc: ChildProcess; port: number };

function startChild(env: Record<string, string>): Promise<Child> {
  const proc = spawn(process.execPath, ["--import", "tsx", "test/collab-child-server.ts"], {
    cwd: path.resolve(import.meta.dirname, ".."),
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  proc.stderr!.on("data", (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child server did not start: ${stderr}`)), 150_000);
    readline.createInterface({ input: proc.stdout! }).on("line", (line) => {
      if (!line.startsWith("READY ")) return;
      clearTimeout(timer);
      resolve({ proc, ...JSON.parse(line.slice(6)) });
    });
    proc.once("exit", (code) => reject(new Error(`child server exited (${code}): ${stderr}`)));
  });
}

function killed(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.once("exit", () => resolve());
    proc.kill("SIGKILL");
  });
}
