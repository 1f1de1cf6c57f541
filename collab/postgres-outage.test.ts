// PostgreSQL restart (issue 12): the shared server must not be restarted, so the outage is a TCP
// proxy between the service and PostgreSQL that the test cuts (every connection reset, new ones
// refused) and restores. While cut: the editor's edits are neither acknowledged as stored nor shown
// to a peer (store before relay); nobody is disconnected. After restore: the acks arrive, the peer
// sees the edits, and every one of them is in the database. (Found with this test: an INSERT sent
// during the cut hung in the driver forever; UpdateStore's commit timeout is what recovers it.)
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { openDatabase } from "@/db/client";
import { attachStoredAck, type StoredAckTracker } from "@/collab/client/stored-ack";
import { createTeam } from "@/test/factories";
import {
  connectClient, createMapRow, createThrowawayPostgres, sessionCookie, startTestCollab, waitFor, waitForSync,
  type TestClient, type TestCollab,
} from "@/test/collab-server";
import { postgresForTests } from "@/test/services";

const pgBase = postgresForTests();

/** A TCP proxy to PostgreSQL that can be cut (all connections reset, new ones refused) and restored. */
async function pgProxy(target: URL): Promise<{ port: number; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = net.createServer((client) => {
        const upstream = net.connect({ host: target.hostname, port: Number(target.port || 5432) });
        sockets.add(client).add(upstream);
        client.pipe(upstream).pipe(client);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on("error", drop).on("close", drop);
        upstream.on("error", drop).on("close", drop);
      });
      s.once("error", reject);
      s.listen(port, "127.0.0.1", () => {
        port = (s.address() as net.AddressInfo).port;
        server = s;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      const s = server;
      server = null;
      for (const socket of sockets) socket.resetAndDestroy();
      sockets.clear();
      if (!s) return resolve();
      s.close(() => resolve());
    });
  await listen();
  return { port, cut: stop, restore: listen, close: stop };
}

describe.skipIf(!pgBase)("collab during a PostgreSQL outage", { timeout: 240_000 }, () => {
  let throwaway: Awaited<ReturnType<typeof createThrowawayPostgres>>;
  let direct: Awaited<ReturnType<typeof openDatabase>>;
  let viaProxy: Awaited<ReturnType<typeof openDatabase>>;
  let proxy: Awaited<ReturnType<typeof pgProxy>>;
  let collab: TestCollab;
  const clients: TestClient[] = [];
  const trackers: StoredAckTracker[] = [];

  beforeAll(async () => {
    throwaway = await createThrowawayPostgres(pgBase!);
    direct = await openDatabase({ url: throwaway.url });
    const url = new URL(throwaway.url);
    proxy = await pgProxy(new URL(throwaway.url));
    url.host = `127.0.0.1:${proxy.port}`;
    viaProxy = await openDatabase({ url: url.toString() });
    // Access re-checks would hit the database during the outage: not what this test is about.
    collab = await startTestCollab(viaProxy.db, { timings: { accessRecheckMs: 3_600_000, commitTimeoutMs: 2_000 } });
  }, 180_000);

  afterAll(async () => {
    for (const t of trackers) t.destroy();
    for (const c of clients) c.destroy();
    await proxy?.restore().catch(() => {});
    await collab?.close();
    await viaProxy?.close();
    await proxy?.close();
    await direct?.close();
    await throwaway?.drop();
  }, 180_000);

  it("keeps connections open, acknowledges and relays nothing while cut, then stores, acks and relays everything", async () => {
    const team = await createTeam(direct.db);
    const { docName } = await createMapRow(direct.db, team.workspace.id);
    const editor = connectClient(collab.url, docName, { cookie: await sessionCookie(team.editor.id) }, { connect: false });
    const tracker = attachStoredAck(editor.provider);
    editor.provider.connect();
    const peer = connectClient(collab.url, docName, { cookie: await sessionCookie(team.owner.id) });
    clients.push(editor, peer);
    trackers.push(tracker);
    await Promise.all([waitForSync(editor), waitForSync(peer)]);
    const items = editor.doc.getArray<string>("items");
    items.push(["before"]);
    await waitFor(() => tracker.status === "saved" && peer.doc.getArray("items").length === 1, "stored and relayed before the outage");

    await proxy.cut();
    for (let i = 0; i < 5; i++) items.push([`during ${i}`]);
    await new Promise((r) => setTimeout(r, 1_500));
    expect(tracker.status).toBe("saving");
    expect(peer.doc.getArray("items").toArray()).toEqual(["before"]); // a peer never sees what is not stored
    expect(editor.closes).toEqual([]);
    expect(peer.closes).toEqual([]);

    await proxy.restore();
    // The INSERT issued during the cut hangs in postgres.js (it neither fails nor succeeds): the
    // commit timeout (2 s here) gives up on it and the retry goes through once PostgreSQL is back.
    await waitFor(() => tracker.status === "saved", "acknowledged once PostgreSQL is back", 30_000);
    await waitFor(() => peer.doc.getArray("items").length === 6, "relayed once stored", 60_000);
    items.push(["after"]);
    await waitFor(() => tracker.status === "saved" && peer.doc.getArray("items").length === 7, "editing resumes", 60_000);
    expect(editor.closes).toEqual([]);
    expect(collab.logs.some((l) => l.event === "document_reset")).toBe(false);
    expect(collab.logs.some((l) => l.event === "store_unreachable")).toBe(true);

    // Everything is in the database (read directly, not through the service).
    const { UpdateStore } = await import("./persistence");
    const { createLogger } = await import("./logger");
    const { Metrics } = await import("./metrics");
    const store = new UpdateStore(direct.db, { groupCommitMs: 0, logger: createLogger({ level: "error", sink: () => {} }), metrics: new Metrics() });
    const loaded = await store.load(docName);
    expect(loaded.doc.getArray("items").toArray()).toEqual(["before", "during 0", "during 1", "during 2", "during 3", "during 4", "after"]);
    loaded.doc.destroy();
    expect(Y.encodeStateAsUpdate(peer.doc).byteLength).toBeGreaterThan(0);
  });
});
