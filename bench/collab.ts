// Benchmark of the /collab sync service, printed side by side with a bare in-memory y-websocket
// relay (bench/bare-relay.ts: no auth, no persistence) under the same load. Figures only, no
// assertions. `npx tsx bench/collab.ts` or through `npm run bench` (bench/run.ts).
//
// Servers run in child processes (bench/collab-child.ts) so that they do not share a core with the
// load generator (this process: stock y-websocket providers and raw sockets).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import * as encoding from "lib0/encoding";
import postgres from "postgres";
import { WebSocket } from "ws";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { attachStoredAck } from "@/collab/client/stored-ack";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ROUND_MS = 3_000;
const WARMUP_MS = 600;
const LATENCY_CONFIGS = [
  { label: "2 editors, 1 doc", docs: 1, editors: 2 },
  { label: "10 editors, 1 doc", docs: 1, editors: 10 },
  { label: "50 editors, 1 doc", docs: 1, editors: 50 },
  { label: "20 docs x 10 editors", docs: 20, editors: 10 },
];
const CONNECTION_STEPS = [250, 500, 1000, 2000];
const HEARTBEAT_MS = 3_000; // 5x the real awareness renewal (15 s): a conservative load

export type Child = { proc: ChildProcess; port: number; url: string; token?: string; tokens?: string[]; viewerTokens?: string[]; docNames: string[] };
/** One editor in a latency run, whatever the server: its document, whether it synced, and how to stop it. */
type Editor = { doc: Y.Doc; synced: () => boolean; destroy: () => void };
type EditorFactory = (docName: string, index: number) => Editor;
const ACCOUNT_EDITORS = 50;
/** Longer rounds than the other latency runs: this ratio is a target, and 3 s rounds moved it by ±0.3×. */
const ACCOUNT_ROUND_MS = 8_000;

export async function runCollabBench(): Promise<void> {
  const started = performance.now();
  process.setMaxListeners(0); // every provider adds an exit listener
  // Latency figures mean little on a saturated machine: say how busy it was.
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} (1/5/15 min)`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jb-bench-collab-"));
  const children: Child[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  try {
    // PostgreSQL (when reachable) only serves the stored-ack figure; its server starts alongside.
    const pgUrl = await reachablePostgres();
    const pgDb = pgUrl ? await createThrowawayDatabase(pgUrl) : null;
    if (pgDb) cleanups.push(() => pgDb.drop());
    const [relay, jb, pg] = await Promise.all([
      startChild(["relay"]),
      startChild(["journeyboard"], { CHILD_DATA_DIR: dataDir, CHILD_MAPS: "320" }),
      pgDb ? startChild(["journeyboard"], { CHILD_DATABASE_URL: pgDb.url, CHILD_MAPS: "8", CHILD_ACCOUNTS: String(ACCOUNT_EDITORS) }) : null,
    ]);
    children.push(relay, jb);
    if (pg) children.push(pg);
    const token = jb.token!;
    let nextDoc = 0;
    const takeDocs = (n: number) => jb.docNames.slice(nextDoc, (nextDoc += n));

    // 1. Edit-to-peer latency, rounds alternating between the two servers.
    console.log(`\nEdit-to-peer latency (ms): each editor writes ~2/s with jitter; ${ROUND_MS / 1000}s per run, 2 rounds alternating; journeyboard on PGlite`);
    const results = new Map<string, { relay: number[]; jb: number[] }>();
    for (let round = 0; round < 2; round++) {
      for (const config of LATENCY_CONFIGS) {
        const docs = takeDocs(config.docs);
        const entry = results.get(config.label) ?? { relay: [], jb: [] };
        results.set(config.label, entry);
        const order = round % 2 === 0 ? (["relay", "jb"] as const) : (["jb", "relay"] as const);
        for (const which of order) {
          const server = which === "relay" ? relay : jb;
          const samples = await measureLatency(server.url, token, docs, config.editors);
          entry[which].push(...samples);
        }
      }
    }
    printTable(
      ["load", "relay p50", "p95", "p99", "journeyboard p50", "p95", "p99", "ratio p50", "ratio p95", "samples"],
      [...results].map(([label, r]) => {
        const a = percentiles(r.relay);
        const b = percentiles(r.jb);
        return [label, a.p50, a.p95, a.p99, b.p50, b.p95, b.p99, ratio(b.p50, a.p50), ratio(b.p95, a.p95), `${r.relay.length}/${r.jb.length}`];
      }),
    );

    // 1b. 50 editors with 50 distinct accounts on one map: journeyboard on PostgreSQL against the
    // bare relay and against Hocuspocus (in-memory store on every change), rounds alternating.
    if (pg && pgUrl) await benchAccountsOnPostgres(relay, pg, pgUrl);
    else console.log("\n50 distinct accounts on PostgreSQL: PostgreSQL not reachable, skipped");

    // 2. Edit → stored acknowledgement.
    console.log("\nEdit -> stored-ack (ms), one editor, 100 sequential edits");
    const ackRows: (string | number)[][] = [];
    const ackPglite = await measureStoredAck(jb.url, token, takeDocs(1)[0]);
    ackRows.push(["PGlite (file)", ...Object.values(percentiles(ackPglite))]);
    if (pg) {
      const ackPg = await measureStoredAck(pg.url, pg.token!, pg.docNames[0]);
      ackRows.push(["PostgreSQL", ...Object.values(percentiles(ackPg))]);
      await stopChild(pg);
    } else {
      ackRows.push(["PostgreSQL", "not reachable", "", ""]);
    }
    printTable(["database", "p50", "p95", "p99"], ackRows);

    // 3. Loading a large document.
    await benchLargeDocument();

    // 4. Connections held.
    await benchConnections(jb, token, takeDocs(1)[0], takeDocs(220));
  } finally {
    for (const c of children) await stopChild(c);
    for (const cleanup of cleanups) await cleanup().catch(() => {});
    // A child killed while PGlite was writing can leave files behind for a moment: retry, never mask an error.
    try {
      fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    } catch (err) {
      console.error(`could not remove ${dataDir}: ${(err as Error).message}`);
    }
  }
  console.log(`\n(collab bench took ${((performance.now() - started) / 1000).toFixed(0)} s; load average now ${os.loadavg()[0].toFixed(1)})`);
}

/**
 * Edit-to-peer with 50 editors on one map, each with an account of their own: journeyboard on
 * PostgreSQL (stored before relayed) against the bare relay and Hocuspocus, 3 rounds alternating.
 * A fourth server is a diagnostic, not a product setting: the same service on a database with
 * `synchronous_commit = off` (a commit returns before its WAL is flushed to disk, so a PostgreSQL
 * crash could lose the last moments) — the gap between the two is what the durable commit costs.
 * Alone: `npm run bench collab-accounts`.
 */
async function benchAccountsOnPostgres(relay: Child, pg: Child, pgBaseUrl: string): Promise<void> {
  const asyncDb = await createThrowawayDatabase(pgBaseUrl, { synchronous_commit: "off" });
  const [hocus, pgAsync] = await Promise.all([
    startChild(["hocuspocus"]),
    startChild(["journeyboard"], { CHILD_DATABASE_URL: asyncDb.url, CHILD_MAPS: "8", CHILD_ACCOUNTS: String(ACCOUNT_EDITORS) }),
  ]);
  try {
    console.log(`\nEdit-to-peer, ${ACCOUNT_EDITORS} editors with ${ACCOUNT_EDITORS} distinct accounts on one map, ~2 edits/s each; journeyboard on PostgreSQL (stored before relayed); 3 rounds of ${ACCOUNT_ROUND_MS / 1000} s alternating`);
    const servers = ["relay", "journeyboard", "hocuspocus", "journeyboardAsync"] as const;
    const samples = Object.fromEntries(servers.map((k) => [k, [] as number[]])) as Record<(typeof servers)[number], number[]>;
    const factories: Record<(typeof servers)[number], (docName: string) => EditorFactory> = {
      relay: (docName) => () => ywsEditor(relay.url, "-", docName),
      journeyboard: (docName) => (_d, i) => ywsEditor(pg.url, pg.tokens![i % pg.tokens!.length], docName),
      hocuspocus: (docName) => () => hocuspocusEditor(hocus.url, docName),
      journeyboardAsync: (docName) => (_d, i) => ywsEditor(pgAsync.url, pgAsync.tokens![i % pgAsync.tokens!.length], docName),
    };
    // CPU spent per edit (from /proc): the server process, and every PostgreSQL process on the machine.
    const pids: Record<(typeof servers)[number], number> = { relay: relay.proc.pid!, journeyboard: pg.proc.pid!, hocuspocus: hocus.proc.pid!, journeyboardAsync: pgAsync.proc.pid! };
    const cpu = Object.fromEntries(servers.map((k) => [k, { server: 0, postgres: 0 }])) as Record<(typeof servers)[number], { server: number; postgres: number }>;
    for (let round = 0; round < 3; round++) {
      const order = servers.map((_, i, all) => all[(i + round) % all.length]);
      for (const which of order) {
        const docName =
          which === "journeyboard" ? pg.docNames[1 + round] : which === "journeyboardAsync" ? pgAsync.docNames[1 + round] : `map:bench-${which}-${round}`;
        const before = { server: cpuMsOf([pids[which]]), postgres: cpuMsOf(postgresPids()) };
        samples[which].push(...(await measureLatencyWith(factories[which](docName), [docName], ACCOUNT_EDITORS, ACCOUNT_ROUND_MS)));
        cpu[which].server += cpuMsOf([pids[which]]) - before.server;
        cpu[which].postgres += cpuMsOf(postgresPids()) - before.postgres;
      }
    }
    const labels: Record<(typeof servers)[number], string> = {
      relay: "bare relay (no auth, no storage)",
      journeyboard: "journeyboard (PostgreSQL)",
      hocuspocus: "hocuspocus 4.7 (memory store)",
      journeyboardAsync: "diagnostic: journeyboard, synchronous_commit=off",
    };
    const base = percentiles(samples.relay);
    // Each edit reaches the other ACCOUNT_EDITORS - 1 editors: one sample each.
    const perEdit = (ms: number, k: (typeof servers)[number]) => `${((ms * 1000) / Math.max(1, samples[k].length / (ACCOUNT_EDITORS - 1))).toFixed(0)} µs`;
    printTable(
      ["server", "p50", "p95", "p99", "p95 vs bare relay", "samples", "server CPU / edit", "PostgreSQL CPU / edit"],
      servers.map((k) => {
        const p = percentiles(samples[k]);
        return [labels[k], p.p50, p.p95, p.p99, ratio(p.p95, base.p95), samples[k].length, perEdit(cpu[k].server, k), perEdit(cpu[k].postgres, k)];
      }),
    );
    console.log(`-> target: journeyboard p95 <= 1.3x bare relay (the diagnostic row shows what is left without the WAL flush)`);
  } finally {
    await stopChild(hocus);
    await stopChild(pgAsync);
    await asyncDb.drop();
  }
}

/** `npm run bench collab-accounts`: only the 50-accounts comparison (PostgreSQL required). */
export async function runCollabAccountsBench(): Promise<void> {
  process.setMaxListeners(0);
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} (1/5/15 min)`);
  const pgUrl = await reachablePostgres();
  if (!pgUrl) return console.log("collab-accounts: PostgreSQL not reachable, skipped");
  const pgDb = await createThrowawayDatabase(pgUrl);
  const [relay, pg] = await Promise.all([
    startChild(["relay"]),
    startChild(["journeyboard"], { CHILD_DATABASE_URL: pgDb.url, CHILD_MAPS: "8", CHILD_ACCOUNTS: String(ACCOUNT_EDITORS) }),
  ]);
  try {
    await benchAccountsOnPostgres(relay, pg, pgUrl);
  } finally {
    await stopChild(relay);
    await stopChild(pg);
    await pgDb.drop();
  }
}

// ---------------------------------------------------------------------------------------------

function providerFor(url: string, token: string, docName: string, doc = new Y.Doc(), connect = true): WebsocketProvider {
  return new WebsocketProvider(url, docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token },
    connect,
  });
}

function ywsEditor(url: string, token: string, docName: string): Editor {
  const provider = providerFor(url, token, docName);
  return {
    doc: provider.doc,
    synced: () => provider.synced,
    destroy: () => {
      provider.destroy();
      provider.doc.destroy();
    },
  };
}

/** A stock Hocuspocus client (its own websocket per editor, as separate browsers would have). */
function hocuspocusEditor(url: string, docName: string): Editor {
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: docName, document: new Y.Doc() });
  provider.attach();
  return {
    doc: provider.document,
    synced: () => provider.isSynced,
    destroy: () => {
      provider.destroy();
      socket.destroy();
      provider.document.destroy();
    },
  };
}

function measureLatency(url: string, token: string, docNames: string[], editorsPerDoc: number): Promise<number[]> {
  return measureLatencyWith((docName) => ywsEditor(url, token, docName), docNames, editorsPerDoc);
}

async function measureLatencyWith(make: EditorFactory, docNames: string[], editorsPerDoc: number, roundMs = ROUND_MS): Promise<number[]> {
  const providers: Editor[] = [];
  const samples: number[] = [];
  let recording = false;
  for (const docName of docNames) {
    for (let i = 0; i < editorsPerDoc; i++) {
      const provider = make(docName, i);
      const own = String(provider.doc.clientID);
      const map = provider.doc.getMap<number>("edits");
      map.observe((event) => {
        if (!recording || event.transaction.local) return;
        const now = performance.now();
        for (const key of event.keysChanged) if (key !== own) samples.push(now - (map.get(key) ?? now));
      });
      providers.push(provider);
    }
  }
  await until(() => providers.every((p) => p.synced()), 30_000);
  const timers: NodeJS.Timeout[] = [];
  const stopAt = performance.now() + roundMs;
  for (const p of providers) {
    const map = p.doc.getMap<number>("edits");
    const own = String(p.doc.clientID);
    const tick = () => {
      if (performance.now() > stopAt) return;
      map.set(own, performance.now());
      timers.push(setTimeout(tick, 250 + Math.random() * 500)); // ~2/s with jitter
    };
    timers.push(setTimeout(tick, Math.random() * 500));
  }
  setTimeout(() => (recording = true), WARMUP_MS);
  await sleep(roundMs + 300);
  recording = false;
  timers.forEach(clearTimeout);
  for (const p of providers) p.destroy();
  await sleep(200);
  return samples;
}

async function measureStoredAck(url: string, token: string, docName: string, edits = 100): Promise<number[]> {
  const provider = providerFor(url, token, docName, new Y.Doc(), false);
  const tracker = attachStoredAck(provider);
  provider.connect();
  await until(() => provider.synced && tracker.status === "saved", 30_000);
  const samples: number[] = [];
  const text = provider.doc.getText("t");
  for (let i = 0; i < edits; i++) {
    const t0 = performance.now();
    const saved = new Promise<void>((resolve) => {
      const off = tracker.onStatusChange((s) => {
        if (s === "saved") {
          off();
          resolve();
        }
      });
    });
    text.insert(text.length, "x");
    await saved;
    samples.push(performance.now() - t0);
    await sleep(5 + Math.random() * 15);
  }
  tracker.destroy();
  provider.destroy();
  return samples;
}

/** Load a 1,000-touchpoint map (each a Y.Map with 15 fields) from the database and sync it to a new client. */
export async function benchLargeDocument(): Promise<void> {
  const gc = exposeGc();
  const { openDatabase } = await import("@/db/client");
  const schema = await import("@/db/schema");
  const { generateSecret, hashSecret } = await import("@/lib/auth/secret-token");
  const { startCollabService } = await import("@/collab");
  const { createLogger } = await import("@/collab/logger");
  const http = await import("node:http");
  const handle = await openDatabase(); // in-memory PGlite in this process: server time measured directly
  const db = handle.db;
  const [ws] = await db.insert(schema.workspaces).values({ slug: "bench-large", name: "Bench" }).returning();
  const [user] = await db.insert(schema.users).values({ email: "bench-large@example.test" }).returning();
  await db.insert(schema.memberships).values({ workspaceId: ws.id, userId: user.id, role: "editor" });
  const token = generateSecret("jb");
  await db.insert(schema.personalAccessTokens).values({ userId: user.id, name: "b", tokenHash: hashSecret(token), prefix: "jb" });
  const maps = await db.insert(schema.journeyMaps).values(Array.from({ length: 13 }, (_, i) => ({ workspaceId: ws.id, title: `L${i}` }))).returning({ id: schema.journeyMaps.id });
  const names = maps.map((m) => `map:${m.id}`);

  const source = new Y.Doc();
  const touchpoints = source.getArray<Y.Map<unknown>>("touchpoints");
  source.transact(() => {
    for (let i = 0; i < 1000; i++) {
      const tp = new Y.Map<unknown>();
      touchpoints.push([tp]);
      tp.set("id", `tp-${i}`);
      tp.set("stageId", `stage-${i % 8}`);
      tp.set("title", `Touchpoint ${i}: customer checks the order status`);
      tp.set("channel", ["web", "app", "phone", "store"][i % 4]);
      tp.set("device", ["desktop", "mobile"][i % 2]);
      tp.set("department", ["Marketing", "Sales", "Customer Service"][i % 3]);
      tp.set("owner", "Ada Lovelace");
      tp.set("activity", "Looks for the delivery date and compares it with the promise made at checkout");
      tp.set("goal", "Know when the parcel arrives");
      tp.set("informationNeeded", "Tracking number, carrier, time window");
      tp.set("thoughts", "Why is this not on the first page?");
      tp.set("emotion", (i % 7) - 3);
      tp.set("momentOfTruth", i % 10 === 0);
      tp.set("painPoints", ["Tracking link hidden", "No time window"]);
      tp.set("opportunities", ["Proactive SMS"]);
    }
  });
  const state = Y.encodeStateAsUpdate(source);
  source.destroy();
  await db.insert(schema.collabDocuments).values(names.map((name) => ({ name, workspaceId: ws.id, snapshot: state, snapshotBytes: state.byteLength })));

  const loadMs: number[] = [];
  const service = await startCollabService({
    db, redisUrl: null, allowedOrigins: [], register: false, timings: { docIdleMs: DOC_IDLE_MS },
    logger: createLogger({ level: "debug", sink: (e) => e.event === "document_loaded" && loadMs.push(Number(e.fields.ms)) }),
  });
  const server = http.createServer();
  server.on("upgrade", (req, socket, head) => service.handleUpgrade(req, socket, head));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `ws://127.0.0.1:${(server.address() as { port: number }).port}/collab`;

  const connectMs: number[] = [];
  const encodeMs: number[] = [];
  for (const name of names.slice(0, 5)) {
    const t0 = performance.now();
    const p = providerFor(url, token, name);
    await until(() => p.synced, 30_000);
    connectMs.push(performance.now() - t0);
    const copy = await service.getDocumentState(name);
    const t1 = performance.now();
    Y.encodeStateAsUpdate(copy);
    encodeMs.push(performance.now() - t1);
    copy.destroy();
    p.destroy();
    p.doc.destroy();
  }
  // Memory per open map, through the real server with a real client each: a raw WebSocket that
  // syncs (sync step 1 -> the whole map in step 2) and stays connected, holding nothing itself. One
  // map first, so that code compiled for the path is not counted as document memory. Baseline:
  // one plain Y.Doc of the same map — what a server holding a live Y.Doc per room needs at least
  // (the bare relay, Hocuspocus, and this server before issue 12, which held two: doc + probe).
  const settled = async () => {
    for (let i = 0; i < 3; i++) {
      gc();
      await sleep(50);
    }
    const m = process.memoryUsage();
    return { heap: m.heapUsed + m.arrayBuffers, rss: m.rss };
  };
  const sockets: WebSocket[] = [];
  const writeOne = (ws: WebSocket) => {
    const d = new Y.Doc();
    d.getMap("bench").set("touched", 1);
    ws.send(syncMessage(2, Y.encodeStateAsUpdate(d)));
    d.destroy();
  };
  sockets.push(await openSynced(url, token, names[5]));
  writeOne(sockets[0]);
  await sleep(DOC_IDLE_MS * 2);
  const open = names.slice(6);
  const m0 = await settled();
  for (const name of open) sockets.push(await openSynced(url, token, name));
  const m1 = await settled(); // open, synced, idle
  const before = service.stats().counters.materialised;
  for (const ws of sockets.slice(1)) writeOne(ws);
  await until(() => service.stats().counters.materialised >= before + open.length, 30_000);
  const m2 = await settled(); // just written to: live Y.Docs
  await sleep(DOC_IDLE_MS * 1.5);
  const m3 = await settled(); // quiet again
  const baseline: Y.Doc[] = [];
  for (let i = 0; i < open.length; i++) {
    const d = new Y.Doc();
    Y.applyUpdate(d, state);
    baseline.push(d);
  }
  const m4 = await settled();
  baseline.forEach((d) => d.destroy());
  const stats = service.stats();
  const per = (a: { heap: number; rss: number }, b: { heap: number; rss: number }) =>
    `${((b.heap - a.heap) / open.length / 1024 / 1024).toFixed(2)} MiB`;

  console.log(`\nLarge document: 1,000 touchpoints x 15 fields, snapshot ${(state.byteLength / 1024).toFixed(0)} KiB, PGlite in-process (median of 5; first is cold)`);
  printTable(
    ["server load (DB read + apply)", "sync step 2 encode", "client connect -> synced", "documents open"],
    [[`${median(loadMs.slice(0, 5)).toFixed(1)} ms`, `${median(encodeMs).toFixed(1)} ms`, `${median(connectMs).toFixed(1)} ms (cold ${connectMs[0].toFixed(0)})`, stats.documents]],
  );
  console.log(`\nMemory per open 1,000-touchpoint map (${open.length} maps, one synced raw client each; V8 heap + array buffers after GC, in-process; docIdleMs ${DOC_IDLE_MS / 1000}s; machine load ${os.loadavg()[0].toFixed(1)})`);
  printTable(
    ["state", "per map"],
    [
      ["baseline: one plain Y.Doc of the map", per(m3, m4)],
      ["journeyboard: open, synced, not written to", per(m0, m1)],
      ["journeyboard: being written to (live Y.Doc)", per(m0, m2)],
      [`journeyboard: ${(DOC_IDLE_MS * 1.5) / 1000}s after the last write`, per(m0, m3)],
    ],
  );
  console.log("-> goal: <= 1.5 MB per open map");
  for (const ws of sockets) ws.close();
  server.close();
  await service.close();
  await handle.close();
}

/** Idle connections (10 per document, awareness heartbeats) added in steps; probe latency at each. */
const DOC_IDLE_MS = 5_000;

/** A sync message (0) of the given kind: 0 step 1, 1 step 2, 2 update. */
function syncMessage(kind: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, kind);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** A raw client that asks for the whole document (empty state vector) and resolves once it got it. */
function openSynced(url: string, token: string, docName: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url}/${docName}?token=${encodeURIComponent(token)}`);
    ws.on("error", reject);
    ws.once("close", () => reject(new Error("closed")));
    ws.once("open", () => ws.send(syncMessage(0, new Uint8Array([0]))));
    ws.on("message", (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) resolve(ws); // sync step 2: the document
    });
  });
}

async function benchConnections(jb: Child, token: string, probeDoc: string, idleDocs: string[]): Promise<void> {
  console.log(`\nConnections held by one process: idle clients (10 per doc, awareness heartbeat every ${HEARTBEAT_MS / 1000}s) + a probe pair editing 20/s`);
  const idle: WebSocket[] = [];
  const timers: NodeJS.Timeout[] = [];
  const rows: (string | number)[][] = [];
  const writer = providerFor(jb.url, token, probeDoc);
  const reader = providerFor(jb.url, token, probeDoc);
  await until(() => writer.synced && reader.synced, 30_000);
  let held = 0;
  let assigned = 0;
  try {
    for (const target of CONNECTION_STEPS) {
      const stepStart = performance.now();
      while (idle.length < target) {
        const batch = Math.min(100, target - idle.length);
        await Promise.all(Array.from({ length: batch }, () => openIdle(jb.url, token, idleDocs[Math.floor(assigned++ / 10) % idleDocs.length], idle, timers)));
      }
      const openMs = performance.now() - stepStart;
      await sleep(500);
      const samples = await probe(writer, reader, 3_000);
      const p = percentiles(samples);
      const stats = (await (await fetch(`http://127.0.0.1:${jb.port}/stats`)).json()) as { connections: number; documents: number; rssMb: number };
      rows.push([target, stats.connections, stats.documents, `${stats.rssMb} MB`, `${(openMs / 1000).toFixed(1)} s`, p.p50, p.p95, p.p99]);
      if (Number(p.p95) > 100) break;
      held = target;
    }
  } finally {
    timers.forEach((t) => clearInterval(t));
    for (const ws of idle) ws.terminate();
    writer.destroy();
    reader.destroy();
  }
  printTable(["idle conns", "server conns", "docs", "server RSS", "open time", "probe p50", "p95", "p99"], rows);
  console.log(held === CONNECTION_STEPS[CONNECTION_STEPS.length - 1]
    ? `-> p95 stayed under 100 ms up to the cap of ${held} idle connections`
    : `-> p95 passed 100 ms after ${held} idle connections`);
}

function openIdle(url: string, token: string, docName: string, into: WebSocket[], timers: NodeJS.Timeout[], timeoutMs = 0, onDropped?: (code: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url}/${docName}?token=${encodeURIComponent(token)}`);
    if (onDropped) ws.once("message", () => ws.once("close", (code) => onDropped(code)));
    if (timeoutMs) {
      const t = setTimeout(() => {
        ws.terminate();
        reject(new Error("timed out"));
      }, timeoutMs);
      ws.once("message", () => clearTimeout(t));
      ws.once("close", (code) => {
        clearTimeout(t);
        reject(Object.assign(new Error(`closed ${code}`), { closeCode: code }));
      });
    }
    const clientId = Math.floor(Math.random() * 2 ** 31);
    let clock = 0;
    const heartbeat = () => {
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, 1);
      encoding.writeVarUint(inner, clientId);
      encoding.writeVarUint(inner, ++clock);
      encoding.writeVarString(inner, JSON.stringify({ user: { name: `idle ${clientId}`, color: "#6366f1" } }));
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
      if (ws.readyState === ws.OPEN) ws.send(encoding.toUint8Array(e));
    };
    ws.on("error", reject);
    ws.once("message", () => {
      // Greeted by the server (sync step 1): answer like a client with an empty document.
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint8Array(e, new Uint8Array([0]));
      ws.send(encoding.toUint8Array(e));
      heartbeat();
      // Spread the heartbeats: start each client's interval at a random phase.
      timers.push(setTimeout(() => timers.push(setInterval(heartbeat, HEARTBEAT_MS)), Math.random() * HEARTBEAT_MS));
      into.push(ws);
      resolve();
    });
  });
}

async function probe(writer: WebsocketProvider, reader: WebsocketProvider, ms: number): Promise<number[]> {
  const samples: number[] = [];
  const map = reader.doc.getMap<number>("probe");
  const observer = (event: Y.YMapEvent<number>) => {
    if (event.transaction.local) return;
    const now = performance.now();
    for (const key of event.keysChanged) samples.push(now - (map.get(key) ?? now));
  };
  map.observe(observer);
  const out = writer.doc.getMap<number>("probe");
  const stopAt = performance.now() + ms;
  while (performance.now() < stopAt) {
    out.set("t", performance.now());
    await sleep(50);
  }
  await sleep(300);
  map.unobserve(observer);
  return samples;
}

// ---------------------------------------------------------------------------------------------
// Scenarios selected by name (not in the default run): `npm run bench collab-10k`, `npm run bench collab-storm`.

/**
 * 10,000 mostly idle connections over 2,000 maps in one process on PostgreSQL, 500 distinct accounts
 * (20 connections each: the per-user default), opened in waves of 250 the way clients trickle in;
 * then server RSS, refusals and a probe pair's edit latency. Baseline: the bare relay with the same load.
 */
export async function runCollabConnectionsBench(options: { connections?: number; maps?: number; accounts?: number } = {}): Promise<void> {
  const connections = options.connections ?? Number(process.env.BENCH_CONNECTIONS ?? 10_000);
  const maps = options.maps ?? Math.max(1, Math.round(connections / 5));
  const accounts = options.accounts ?? Math.max(1, Math.ceil(connections / 20));
  process.setMaxListeners(0);
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  const pgUrl = await reachablePostgres();
  if (!pgUrl) return console.log("collab-10k: PostgreSQL not reachable, skipped");
  const pgDb = await createThrowawayDatabase(pgUrl);
  const rows: (string | number)[][] = [];
  const notes: string[] = [];
  try {
    for (const which of ["relay", "journeyboard"] as const) {
      const child = which === "relay"
        ? await startChild(["relay"])
        : await startChild(["journeyboard"], { CHILD_DATABASE_URL: pgDb.url, CHILD_MAPS: String(maps + 1), CHILD_ACCOUNTS: String(accounts + 2) });
      const docs = which === "relay" ? Array.from({ length: maps + 1 }, (_, i) => `map:idle-${i}`) : child.docNames;
      // Two accounts of their own for the probe pair: the idle crowd fills every other account's 20 connections.
      const [writerToken, readerToken, ...tokens] = child.tokens?.length ? child.tokens : ["-", "-", "-"];
      const result = await holdIdle(child, docs.slice(1), tokens, connections, 250);
      const writer = providerFor(child.url, writerToken, docs[0]);
      const reader = providerFor(child.url, readerToken, docs[0]);
      const synced = await until(() => writer.synced && reader.synced, 120_000).then(() => true, () => false);
      const p = synced ? percentiles(await probe(writer, reader, 5_000)) : { p50: "did not sync", p95: "-" };
      writer.destroy();
      reader.destroy();
      const rss = await childRss(child);
      rows.push([which === "relay" ? "bare relay" : "journeyboard (PostgreSQL)", connections, result.open, result.refused, result.retries, `${(result.ms / 1000).toFixed(1)} s`, rss, p.p50, p.p95]);
      notes.push(`${which === "relay" ? "bare relay" : "journeyboard"}: ${result.codes}${await childUpgradeStats(child)}`);
      for (const ws of result.sockets) ws.terminate();
      result.stop();
      await stopChild(child);
    }
  } finally {
    await pgDb.drop();
  }
  console.log(`\nIdle connections in one process: ${connections} over ${maps} maps, ${accounts} accounts (awareness heartbeat every ${HEARTBEAT_MS / 1000}s), waves of 250; probe pair editing 20/s`);
  printTable(["server", "attempted", "open", "refused/dropped", "retries", "open time", "server RSS", "probe p50", "p95"], rows);
  for (const note of notes) console.log(note);
  console.log("-> goal: RSS <= 4 GiB with every connection admitted");
}

/**
 * Reconnect storm: 2,000 clients (over 200 maps, 100 accounts) connect at the same moment to a
 * freshly started process — what a deploy or crash looks like. Baseline: the bare relay.
 */
export async function runCollabStormBench(options: { clients?: number } = {}): Promise<void> {
  const clients = options.clients ?? Number(process.env.BENCH_STORM_CLIENTS ?? 2_000);
  process.setMaxListeners(0);
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  const pgUrl = await reachablePostgres();
  if (!pgUrl) return console.log("collab-storm: PostgreSQL not reachable, skipped");
  const pgDb = await createThrowawayDatabase(pgUrl);
  const rows: (string | number)[][] = [];
  const notes: string[] = [];
  try {
    for (const which of ["relay", "journeyboard"] as const) {
      const maps = Math.ceil(clients / 10);
      const child = which === "relay"
        ? await startChild(["relay"])
        : await startChild(["journeyboard"], { CHILD_DATABASE_URL: pgDb.url, CHILD_MAPS: String(maps), CHILD_ACCOUNTS: String(Math.ceil(clients / 20)) });
      const docs = which === "relay" ? Array.from({ length: maps }, (_, i) => `map:storm-${i}`) : child.docNames;
      const tokens = child.tokens?.length ? child.tokens : ["-"];
      // Everyone at once: one wave of all clients.
      const result = await holdIdle(child, docs, tokens, clients, clients);
      const rss = await childRss(child);
      rows.push([which === "relay" ? "bare relay" : "journeyboard (PostgreSQL)", clients, result.open, result.refused, result.retries, `${(result.ms / 1000).toFixed(1)} s`, `${result.p95Connect.toFixed(0)} ms`, rss]);
      notes.push(`${which === "relay" ? "bare relay" : "journeyboard"}: ${result.codes}${await childUpgradeStats(child)}`);
      for (const ws of result.sockets) ws.terminate();
      result.stop();
      await stopChild(child);
    }
  } finally {
    await pgDb.drop();
  }
  console.log(`\nReconnect storm: ${clients} clients over ${Math.ceil(clients / 10)} maps connect at once to a fresh process (cold documents)`);
  printTable(["server", "clients", "synced", "refused/dropped", "retries", "all settled after", "connect p95", "server RSS"], rows);
  for (const note of notes) console.log(note);
}

/** CPU time (user + system, ms) the processes have used so far; 0 where /proc is unavailable. */
function cpuMsOf(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      // Fields after the command name (which may contain spaces): utime and stime are the 12th and 13th.
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended: its time is no longer counted.
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/** Every PostgreSQL server process on this machine (backends, WAL writer, checkpointer…). */
function postgresPids(): number[] {
  try {
    return fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d)).map(Number).filter((pid) => {
      try {
        return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "postgres";
      } catch {
        return false;
      }
    });
  } catch {
    return [];
  }
}

/** The service's own count of refused upgrades and its admission queue's peak ("" for the relay, which has no stats). */
async function childUpgradeStats(child: Child): Promise<string> {
  try {
    const stats = (await (await fetch(`http://127.0.0.1:${child.port}/stats`)).json()) as { counters: { rejectedUpgrades: number; upgradesNotAdmitted: number }; upgrades: { peakQueued: number } };
    return `; server: ${stats.counters.rejectedUpgrades} upgrades refused (${stats.counters.upgradesNotAdmitted} not admitted), at most ${stats.upgrades.peakQueued} waiting`;
  } catch {
    return "";
  }
}

export async function childRss(child: Child): Promise<string> {
  try {
    const stats = (await (await fetch(`http://127.0.0.1:${child.port}/stats`)).json()) as { rssMb: number };
    return `${stats.rssMb} MB`;
  } catch {
    const status = fs.readFileSync(`/proc/${child.proc.pid}/status`, "utf8");
    const kb = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
    return `${Math.round((kb * 1024) / 1e6)} MB`;
  }
}

/**
 * Like the stock y-websocket client: a transient close (busy 1013, error 1011, dropped 1006) is
 * retried after a backoff (100 ms doubling, at most 2.5 s, jittered) until `timeoutMs` has passed;
 * a permanent one (44xx) is not.
 */
async function openIdleRetrying(url: string, token: string, docName: string, into: WebSocket[], timers: NodeJS.Timeout[], timeoutMs: number, counts: IdleCounts): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await openIdle(url, token, docName, into, timers, Math.max(1, deadline - performance.now()), (code) => tally(counts.dropped, code));
    } catch (err) {
      const code = (err as { closeCode?: number }).closeCode ?? 1006;
      tally(counts.refusals, (err as Error).message === "timed out" ? "timeout" : code);
      if ((code >= 4400 && code < 4500) || performance.now() >= deadline) throw err;
      counts.retries++;
      await sleep(Math.min(2_500, 100 * 2 ** attempt) * (0.5 + Math.random() / 2));
    }
  }
}

/**
 * Opens `count` idle clients over `docs` (10 per doc, tokens round robin) in waves, each retrying
 * transient refusals for up to 60 s like the stock client; counts who got in and the retries it took.
 */
type IdleCounts = { retries: number; refusals: Record<string, number>; dropped: Record<string, number> };
const tally = (into: Record<string, number>, key: string | number) => void (into[key] = (into[key] ?? 0) + 1);
/** "1013 ×5, timeout ×2" */
const describeCodes = (codes: Record<string, number>) => Object.entries(codes).map(([code, n]) => `${code} ×${n}`).join(", ") || "none";

async function holdIdle(child: Child, docs: string[], tokens: string[], count: number, wave: number) {
  const sockets: WebSocket[] = [];
  const timers: NodeJS.Timeout[] = [];
  const counts: IdleCounts = { retries: 0, refusals: {}, dropped: {} };
  let refused = 0;
  const connectMs: number[] = [];
  const started = performance.now();
  for (let i = 0; i < count; i += wave) {
    const n = Math.min(wave, count - i);
    const results = await Promise.allSettled(
      Array.from({ length: n }, (_, k) => {
        const idx = i + k;
        const t0 = performance.now();
        return openIdleRetrying(child.url, tokens[idx % tokens.length], docs[Math.floor(idx / 10) % docs.length], sockets, timers, 60_000, counts).then(() => connectMs.push(performance.now() - t0));
      }),
    );
    refused += results.filter((r) => r.status === "rejected").length;
  }
  const ms = performance.now() - started;
  await sleep(2_000);
  // Dropped after admission (closed by the server) count as refused too.
  const dropped = sockets.filter((ws) => ws.readyState !== ws.OPEN).length;
  const sorted = connectMs.sort((a, b) => a - b);
  return {
    sockets,
    open: sockets.length - dropped,
    refused: refused + dropped,
    retries: counts.retries,
    /** Close codes of every failed attempt (retried or not), and of connections closed after admission. */
    codes: `attempts refused: ${describeCodes(counts.refusals)}; closed after admission: ${describeCodes(counts.dropped)}`,
    ms,
    p95Connect: sorted[Math.floor(sorted.length * 0.95)] ?? NaN,
    stop: () => timers.forEach((t) => clearInterval(t)),
  };
}

// ---------------------------------------------------------------------------------------------

export function startChild(args: string[], env: Record<string, string> = {}): Promise<Child> {
  // BENCH_CHILD_CPU_PROF=dir: each server writes a V8 CPU profile there when stopped (where the time goes).
  const profile = process.env.BENCH_CHILD_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CHILD_CPU_PROF}`, `--cpu-prof-name=${args[0]}-${Date.now()}.cpuprofile`] : [];
  const proc = spawn(process.execPath, [...profile, "--import", "tsx", path.join(ROOT, "bench/collab-child.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-secret-0123456789abcdef" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  proc.stderr!.on("data", (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill("SIGKILL");
      reject(new Error(`bench server did not start: ${stderr}`));
    }, 300_000);
    readline.createInterface({ input: proc.stdout! }).on("line", (line) => {
      if (!line.startsWith("READY ")) return;
      clearTimeout(timer);
      const info = JSON.parse(line.slice(6)) as { port: number; token?: string; tokens?: string[]; viewerTokens?: string[]; docNames?: string[] };
      const url = args[0] === "hocuspocus" ? `ws://127.0.0.1:${info.port}` : `ws://127.0.0.1:${info.port}/collab`;
      resolve({ proc, port: info.port, url, token: info.token, tokens: info.tokens, viewerTokens: info.viewerTokens, docNames: info.docNames ?? [] });
    });
    proc.once("exit", (code) => reject(new Error(`bench server exited (${code}): ${stderr}`)));
  });
}

export function stopChild(child: Child): Promise<void> {
  return new Promise((resolve) => {
    if (child.proc.exitCode !== null || child.proc.signalCode !== null) return resolve();
    const force = setTimeout(() => child.proc.kill("SIGKILL"), 5_000);
    child.proc.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.proc.kill("SIGTERM");
  });
}

export async function reachablePostgres(): Promise<string | null> {
  const url = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const sql = postgres(url, { max: 1, connect_timeout: 2, onnotice: () => {} });
  try {
    await sql`select 1`;
    return url;
  } catch {
    return null;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

export async function createThrowawayDatabase(baseUrl: string, settings: Record<string, string> = {}): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `jb_bench_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  for (const [key, value] of Object.entries(settings)) await admin.unsafe(`alter database ${name} set ${key} = ${value}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

function exposeGc(): () => void {
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
}

export function percentiles(samples: number[]): { p50: string; p95: string; p99: string } {
  if (samples.length === 0) return { p50: "-", p95: "-", p99: "-" };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
}

export function ratio(a: string, b: string): string {
  const x = Number(a);
  const y = Number(b);
  return Number.isFinite(x) && Number.isFinite(y) && y > 0 ? `${(x / y).toFixed(2)}x` : "-";
}

export function printTable(header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(cells[0]));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of cells.slice(1)) console.log(line(r));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error("bench: timed out waiting");
    await sleep(10);
  }
}

// Runnable by itself: `npx tsx bench/collab.ts`.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runCollabBench().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
