// Hostile and broken input: every bad message closes only the connection that sent it, with a
// clear code, is logged, and leaves the process, the other clients and the stored document intact.
import { randomBytes } from "node:crypto";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { createTeam } from "@/test/factories";
import {
  closeCodeOf, connectClient, connectRaw, createMapRow, rawMessage, sessionCookie, startTestCollab, waitFor, waitForSync,
  type TestClient, type TestCollab,
} from "@/test/collab-server";
import { CloseCode } from "./close-codes";
import { TokenBucket } from "./limits";

// Creating a database runs every migration: slow on a busy machine, so hooks get more than the default.
const SETUP_TIMEOUT = 180_000;

describe("token bucket", () => {
  it("allows the burst, then the refill rate", () => {
    let now = 0;
    const bucket = new TokenBucket(3, 10, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    now += 100; // 0.1 s at 10/s = one token
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
  });
});

describe.each(testDrivers)("collab limits and hostile input (%s)", { timeout: 120_000 }, (driver) => {
  let tdb: TestDatabase;
  let collab: TestCollab;
  let team: Awaited<ReturnType<typeof createTeam>>;
  let cookie: string;
  let docName: string;
  let bystander: TestClient;
  const clients: TestClient[] = [];

  const limits = {
    maxMessageBytes: 64 * 1024,
    maxDocumentBytes: 256 * 1024,
    maxConnectionsPerUser: 6,
    maxConnectionsPerDocument: 8,
    updateBurst: 50,
    updatesPerSecond: 20,
    awarenessBurst: 10,
    awarenessPerSecond: 5,
    maxDroppedAwareness: 30,
  };

  beforeAll(async () => {
    tdb = await createTestDatabase(driver);
    collab = await startTestCollab(tdb.db, { limits });
    team = await createTeam(tdb.db);
    cookie = await sessionCookie(team.owner.id);
    ({ docName } = await createMapRow(tdb.db, team.workspace.id));
    bystander = connectClient(collab.url, docName, { cookie: await sessionCookie(team.editor.id) });
    clients.push(bystander);
    await waitForSync(bystander);
    bystander.doc.getText("t").insert(0, "precious");
    await waitFor(() => collab.service.stats().counters.updates > 0, "stored");
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await collab?.close();
    await tdb?.close();
  }, SETUP_TIMEOUT);

  /** Sends `frames` on a fresh raw connection; the close code, or null if it is still open after `waitMs`. */
  const closeCodeAfter = async (frames: (Uint8Array | Buffer | string)[], waitMs = 10_000) => {
    const raw = connectRaw(collab.url, docName, { cookie });
    await raw.opened;
    for (const f of frames) raw.send(f);
    const result = await Promise.race([raw.closed, new Promise<null>((r) => setTimeout(() => r(null), waitMs))]);
    if (!result) raw.ws.close();
    return result?.code ?? null;
  };

  const unharmed = async () => {
    // The bystander is still connected and the stored document still reads the same.
    expect(bystander.provider.wsconnected).toBe(true);
    const stored = await collab.service.getDocumentState(docName);
    expect(stored.getText("t").toString()).toBe("precious");
  };

  it("closes on malformed, truncated, random-byte and unexpected messages (4400)", async () => {
    const valid = new Y.Doc();
    valid.getText("t").insert(0, "x");
    const update = rawMessage.update(Y.encodeStateAsUpdate(valid));
    const cases: [string, Uint8Array | Buffer | string][] = [
      ["empty frame", new Uint8Array(0)],
      ["unknown message type", new Uint8Array([42])],
      ["unknown sync type", new Uint8Array([0, 7, 0])],
      ["truncated update", update.subarray(0, update.length - 3)],
      ["length prefix beyond the frame", new Uint8Array([0, 2, 0xff, 0xff, 0x03, 1, 2])],
      ["garbage update payload", rawMessage.update(new Uint8Array([0xff, 0xff, 0xff, 0x0f, 0x05, 0x06]))],
      ["garbage sync step 1", new Uint8Array([0, 0, 3, 0xff, 0xff, 0xff])],
      ["auth message from a client", new Uint8Array([2, 0])],
      ["bad stored sub-type", new Uint8Array([100, 9])],
      ["malformed awareness JSON", rawMessage.awareness(encodeAwarenessRaw([[1, 1, "{not json"]]))],
      ["text frame", "hello"],
    ];
    for (const [name, frame] of cases) {
      expect(await closeCodeAfter([frame]), name).toBe(CloseCode.badMessage);
    }
    expect(collab.logs.filter((l) => l.event === "connection_rejected_message").length).toBeGreaterThanOrEqual(cases.length);

    // Seeded random bytes: whole frames, and garbage behind a valid "sync update" header (which
    // exercises the update decoder). Random bytes may by chance form a harmless message, so an open
    // connection is acceptable — a crash, a hang or a changed document is not.
    const random = seededBytes(20240611);
    for (let i = 0; i < 40; i++) {
      const body = random(1 + ((i * 53) % 300));
      const frame = i % 2 === 0 ? body : Buffer.concat([Buffer.from([0, 2]), body]);
      const code = await closeCodeAfter([frame], 300);
      expect([CloseCode.badMessage, null], `random frame #${i}`).toContain(code);
    }
    await unharmed();
  });

  it("closes on an oversized message (1009) and on a document growing beyond its limit (4413)", async () => {
    expect(await closeCodeAfter([randomBytes(limits.maxMessageBytes + 1)])).toBe(CloseCode.messageTooBig);
    const { docName: growing } = await createMapRow(tdb.db, team.workspace.id);
    const raw = connectRaw(collab.url, growing, { cookie });
    await raw.opened;
    for (let i = 0; i < 6 && !raw.isClosed(); i++) {
      const d = new Y.Doc();
      d.getText("t").insert(0, `${i}`.repeat(60 * 1024));
      raw.send(rawMessage.update(Y.encodeStateAsUpdate(d)));
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await raw.closed).code).toBe(CloseCode.documentTooLarge);
    const stored = await collab.service.getDocumentState(growing);
    expect(stored.getText("t").length).toBeGreaterThan(0);
    expect(stored.getText("t").length).toBeLessThan(limits.maxDocumentBytes);
    await unharmed();
  });

  it("closes an update flood with 4429 and drops an awareness flood", async () => {
    const { docName: floodDoc } = await createMapRow(tdb.db, team.workspace.id);
    const raw = connectRaw(collab.url, floodDoc, { cookie });
    await raw.opened;
    const d = new Y.Doc();
    for (let i = 0; i < limits.updateBurst * 3 && !raw.isClosed(); i++) {
      const before = Y.encodeStateVector(d);
      d.getArray("a").push([i]);
      raw.send(rawMessage.update(Y.encodeStateAsUpdate(d, before)));
    }
    expect((await raw.closed).code).toBe(CloseCode.rateLimited);

    const chatty = connectRaw(collab.url, floodDoc, { cookie });
    await chatty.opened;
    const presence = new awarenessProtocol.Awareness(new Y.Doc());
    const droppedBefore = collab.service.stats().counters.droppedMessages;
    for (let i = 0; i < 20; i++) {
      presence.setLocalStateField("cursor", i);
      chatty.send(rawMessage.awareness(awarenessProtocol.encodeAwarenessUpdate(presence, [presence.clientID])));
    }
    await waitFor(() => collab.service.stats().counters.droppedMessages >= droppedBefore + 5, "awareness dropped");
    expect(chatty.isClosed()).toBe(false);
    // Sustained flooding closes it.
    for (let i = 0; i < 100 && !chatty.isClosed(); i++) {
      presence.setLocalStateField("cursor", i);
      chatty.send(rawMessage.awareness(awarenessProtocol.encodeAwarenessUpdate(presence, [presence.clientID])));
    }
    expect((await chatty.closed).code).toBe(CloseCode.rateLimited);
    presence.destroy();
    await unharmed();
  });

  it("refuses to let a connection speak for another client's awareness id", async () => {
    const { docName: doc2 } = await createMapRow(tdb.db, team.workspace.id);
    const honest = connectClient(collab.url, doc2, { cookie });
    const watcher = connectClient(collab.url, doc2, { cookie });
    clients.push(honest, watcher);
    await waitForSync(honest);
    await waitForSync(watcher);
    honest.provider.awareness.setLocalStateField("user", { name: "Honest" });
    await waitFor(() => watcher.provider.awareness.getStates().has(honest.doc.clientID), "honest presence");
    const spoofer = connectRaw(collab.url, doc2, { cookie });
    await spoofer.opened;
    spoofer.send(rawMessage.awareness(encodeAwarenessRaw([[honest.doc.clientID, 999, JSON.stringify({ user: { name: "Mallory" } })]])));
    // A query on the same connection is answered after the spoof was processed: then read the room's state.
    spoofer.send(new Uint8Array([3]));
    await waitFor(() => spoofer.messages.some((m) => m[0] === 1 && awarenessNames(m).size > 0), "query answered");
    const latest = spoofer.messages.filter((m) => m[0] === 1).at(-1)!;
    // The server stamps the socket's own name ("Owner") over what the client wrote (presence.ts).
    expect(awarenessNames(latest).get(honest.doc.clientID)).toBe("Owner");
    expect(spoofer.isClosed()).toBe(false);
    expect((watcher.provider.awareness.getStates().get(honest.doc.clientID) as { user: { name: string } }).user.name).toBe("Owner");
  });

  it("limits connections per user (4429) and per document (4503)", async () => {
    const { docName: doc3 } = await createMapRow(tdb.db, team.workspace.id);
    const viewerCookie = await sessionCookie(team.viewer.id);
    const open = [];
    for (let i = 0; i < limits.maxConnectionsPerUser; i++) {
      const raw = connectRaw(collab.url, doc3, { cookie: viewerCookie });
      await raw.opened;
      open.push(raw);
    }
    expect(await closeCodeOf(collab.url, doc3, { cookie: viewerCookie })).toBe(CloseCode.rateLimited);
    open.pop()!.ws.close();
    await new Promise((r) => setTimeout(r, 100));
    // Slot freed: another connection for this user is accepted now, and the document (8) fills up.
    const ownerConns = [];
    for (let i = 0; i < 3; i++) {
      const raw = connectRaw(collab.url, doc3, { cookie });
      await raw.opened;
      ownerConns.push(raw);
    }
    expect(await closeCodeOf(collab.url, doc3, { cookie: await sessionCookie(team.editor.id) })).toBe(CloseCode.documentFull);
    for (const r of [...open, ...ownerConns]) r.ws.close();
  });
});

/** Deterministic pseudo-random bytes (xorshift32), so that a failing frame can be reproduced. */
function seededBytes(seed: number): (n: number) => Buffer {
  let x = seed >>> 0 || 1;
  return (n) => {
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) {
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      out[i] = x & 0xff;
    }
    return out;
  };
}

/** client id → user.name in an awareness message (type 1) from the server. */
function awarenessNames(message: Uint8Array): Map<number, string | undefined> {
  const outer = decoding.createDecoder(message);
  decoding.readVarUint(outer);
  const d = decoding.createDecoder(decoding.readVarUint8Array(outer));
  const names = new Map<number, string | undefined>();
  for (let n = decoding.readVarUint(d); n > 0; n--) {
    const id = decoding.readVarUint(d);
    decoding.readVarUint(d);
    names.set(id, (JSON.parse(decoding.readVarString(d)) as { user?: { name?: string } } | null)?.user?.name);
  }
  return names;
}

/** An awareness update from raw entries [clientId, clock, stateJson] (even invalid JSON). */
function encodeAwarenessRaw(entries: [number, number, string][]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const [id, clock, state] of entries) {
    encoding.writeVarUint(e, id);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, state);
  }
  return encoding.toUint8Array(e);
}
