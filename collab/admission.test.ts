// Admission under a burst: at most N upgrades decided at once, the rest served first come first
// served; a full queue or a long wait is refused with a retryable code, never left to time out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { createTeam } from "@/test/factories";
import { connectRaw, createMapRow, sessionCookie, startTestCollab, waitFor, type RawClient, type TestCollab } from "@/test/collab-server";
import { AdmissionQueue } from "./admission";
import { CloseCode } from "./close-codes";

const SETUP_TIMEOUT = 180_000;

describe("admission queue", () => {
  const queue = (concurrency: number, maxQueued = 100, maxWaitMs = 60_000) => new AdmissionQueue({ concurrency, maxQueued, maxWaitMs });

  it("runs at most `concurrency` at once and admits the waiters in arrival order", async () => {
    const q = queue(2);
    const order: number[] = [];
    const releases: (() => void)[] = [];
    const tickets = Array.from({ length: 5 }, (_, i) =>
      q.enter().admitted.then((outcome) => {
        if (!("release" in outcome)) throw new Error(`refused: ${outcome.refused}`);
        order.push(i);
        releases.push(outcome.release);
      }),
    );
    await Promise.resolve();
    await Promise.resolve();
    expect(order).toEqual([0, 1]);
    expect([q.running, q.queued]).toEqual([2, 3]);
    releases[1]();
    releases[1](); // releasing twice frees one slot, not two
    await tickets[2];
    expect(order).toEqual([0, 1, 2]);
    expect(q.running).toBe(2);
    releases[0]();
    releases[2]();
    await Promise.all(tickets);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(q.peakQueued).toBe(3);
  });

  it("refuses beyond the queue's bound, and after the longest wait", async () => {
    const q = queue(1, 2, 50);
    const first = await q.enter().admitted;
    expect("release" in first).toBe(true);
    const waiting = [q.enter(), q.enter()];
    expect(await q.enter().admitted).toEqual({ refused: "queue full" });
    expect(await Promise.all(waiting.map((w) => w.admitted))).toEqual([{ refused: "waited too long" }, { refused: "waited too long" }]);
    expect(q.queued).toBe(0);
  });

  it("skips a waiter whose client left, and refuses the rest on close", async () => {
    const q = queue(1);
    const first = await q.enter().admitted;
    const gone = q.enter();
    const next = q.enter();
    const last = q.enter();
    gone.abandon();
    expect(await gone.admitted).toEqual({ refused: "abandoned" });
    if ("release" in first) first.release();
    const admitted = await next.admitted;
    expect("release" in admitted).toBe(true);
    q.close();
    expect(await last.admitted).toEqual({ refused: "closed" });
    expect(await q.enter().admitted).toEqual({ refused: "closed" });
  });
});

describe.each(testDrivers)("collab admission under a burst (%s)", { timeout: 120_000 }, (driver) => {
  let tdb: TestDatabase;
  let cookie: string;
  let docName: string;
  const clients: RawClient[] = [];

  beforeAll(async () => {
    tdb = await createTestDatabase(driver);
    const team = await createTeam(tdb.db);
    cookie = await sessionCookie(team.editor.id);
    ({ docName } = await createMapRow(tdb.db, team.workspace.id));
  }, SETUP_TIMEOUT);

  afterAll(async () => {
    for (const c of clients) c.ws.terminate();
    await tdb?.close();
  }, SETUP_TIMEOUT);

  /** Opens `n` connections at once; each ends admitted (the server's first sync message arrived) or closed. */
  const burst = async (collab: TestCollab, n: number) => {
    const opened = Array.from({ length: n }, () => connectRaw(collab.url, docName, { cookie }));
    clients.push(...opened);
    await waitFor(() => opened.every((c) => c.messages.length > 0 || c.isClosed()), "every client answered", 60_000);
    const codes = await Promise.all(opened.filter((c) => c.isClosed()).map((c) => c.closed.then((r) => r.code)));
    return { admitted: opened.filter((c) => !c.isClosed()).length, codes };
  };

  it("admits every client of a burst far larger than its concurrency, in turn", async () => {
    const collab = await startTestCollab(tdb.db, {
      limits: { maxConcurrentUpgrades: 2, maxConnectionsPerUser: 200, maxConnectionsPerDocument: 200 },
    });
    try {
      const result = await burst(collab, 60);
      expect(result).toEqual({ admitted: 60, codes: [] });
      expect(collab.service.stats().upgrades.peakQueued).toBeGreaterThan(10);
      expect(collab.service.stats().upgrades).toMatchObject({ running: 0, queued: 0 });
    } finally {
      await collab.close();
    }
  });

  it("refuses what the queue cannot hold with 1013 (retryable), promptly and with a code", async () => {
    const collab = await startTestCollab(tdb.db, {
      limits: { maxConcurrentUpgrades: 1, maxQueuedUpgrades: 3, maxConnectionsPerUser: 200, maxConnectionsPerDocument: 200 },
    });
    try {
      const result = await burst(collab, 30);
      expect(result.admitted).toBeGreaterThanOrEqual(4);
      expect(result.admitted + result.codes.length).toBe(30);
      expect(result.codes.length).toBeGreaterThan(0);
      expect(new Set(result.codes)).toEqual(new Set([CloseCode.tryAgainLater]));
      expect(collab.service.stats().counters.upgradesNotAdmitted).toBe(result.codes.length);
    } finally {
      await collab.close();
    }
  });
});
