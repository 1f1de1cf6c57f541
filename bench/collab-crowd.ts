// A workshop crowd on one map: 150 editors writing ~0.5 edits/s each and 300 viewers, every one with
// an account of their own, on two Journeyboard instances (PostgreSQL + Redis fan-out, connections
// alternating between them). Figure: edit-to-viewer latency — from an editor's write to its arrival
// at each viewer — and how many of the 450 connections were admitted. Baselines in the same run: the
// bare relay with all 450 in one process, and one Journeyboard instance with all 450.
//   npm run bench collab-crowd      (PostgreSQL and Redis required; ~2 minutes)
//
// Clients are light raw sockets (a browser per person would not fit on the load generator): an
// editor holds a tiny Y.Doc of its own and sends its updates; a viewer only reads frames. Reading
// ~34,000 frames/s would saturate the load generator itself (a first version measured its own
// backlog: seconds, for the bare relay too), so only MEASURING_VIEWERS viewers read; every other
// socket is paused after the handshake — the server still sends each of them every frame, and the
// kernel's buffers hold the ~60 KiB a run sends. A sample is matched by the update's first struct id
// (client, clock), read from the update's header, so it works whether a server relays the same
// bytes or re-encodes them.
import os from "node:os";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { WebSocket } from "ws";
import * as Y from "yjs";
import { redisForTests } from "@/test/services";
import {
  createThrowawayDatabase, percentiles, printTable, ratio, reachablePostgres, sleep, startChild, stopChild, type Child,
} from "./collab";

const EDITORS = Number(process.env.BENCH_CROWD_EDITORS ?? 150);
const VIEWERS = Number(process.env.BENCH_CROWD_VIEWERS ?? 300);
const EDITS_PER_SECOND = 0.5;
const WARMUP_MS = 3_000;
const MEASURE_MS = Number(process.env.BENCH_CROWD_MS ?? 20_000);
const TARGET_P95_MS = 100;
const MEASURING_VIEWERS = Math.min(VIEWERS, Number(process.env.BENCH_CROWD_MEASURING ?? 50));

type Endpoint = { url: string; token: string };
type Crowd = { admitted: number; refused: number; samples: Float64Array; sampleCount: number; stop: () => void };

export async function runCollabCrowdBench(): Promise<void> {
  process.setMaxListeners(0);
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} (1/5/15 min)`);
  const pgUrl = await reachablePostgres();
  const redisUrl = await redisForTests().catch(() => null);
  if (!pgUrl || !redisUrl) return console.log(`collab-crowd: needs PostgreSQL (${pgUrl ? "ok" : "not reachable"}) and Redis (${redisUrl ? "ok" : "not reachable"}), skipped`);

  const rows: (string | number)[][] = [];
  let baseP95 = "";
  const run = async (label: string, servers: Child[], docName: string, editorTokens: string[], viewerTokens: string[]) => {
    const crowd = await openCrowd(servers, docName, editorTokens, viewerTokens);
    const p = percentiles(Array.from(crowd.samples.subarray(0, crowd.sampleCount)));
    baseP95 ||= p.p95;
    rows.push([label, `${crowd.admitted}/${EDITORS + VIEWERS}`, crowd.refused, p.p50, p.p95, p.p99, ratio(p.p95, baseP95), crowd.sampleCount]);
    crowd.stop();
    await sleep(1_000);
  };

  // Baseline: the bare relay, everyone in one process.
  const relay = await startChild(["relay"]);
  try {
    await run("bare relay, 1 process", [relay], "map:crowd", Array(EDITORS).fill("-"), Array(VIEWERS).fill("-"));
  } finally {
    await stopChild(relay);
  }

  const db = await createThrowawayDatabase(pgUrl);
  try {
    // The first instance creates the workspace, the map and the 450 accounts; the second only serves.
    const first = await startChild(["journeyboard"], {
      CHILD_DATABASE_URL: db.url, CHILD_REDIS_URL: redisUrl, CHILD_MAPS: "2", CHILD_ACCOUNTS: String(EDITORS), CHILD_VIEWERS: String(VIEWERS),
    });
    const second = await startChild(["journeyboard"], { CHILD_DATABASE_URL: db.url, CHILD_REDIS_URL: redisUrl, CHILD_SERVE_ONLY: "1" });
    try {
      const [mapOne, mapTwo] = first.docNames;
      await run("journeyboard, 1 instance (PostgreSQL)", [first], mapOne, first.tokens!, first.viewerTokens!);
      await run("journeyboard, 2 instances (PostgreSQL + Redis)", [first, second], mapTwo, first.tokens!, first.viewerTokens!);
    } finally {
      await stopChild(second);
      await stopChild(first);
    }
  } finally {
    await db.drop();
  }

  console.log(`\nA crowd on one map: ${EDITORS} editors (~${EDITS_PER_SECOND} edits/s each) + ${VIEWERS} viewers, one account each; edit-to-viewer latency (ms) at ${MEASURING_VIEWERS} of the viewers over ${MEASURE_MS / 1000} s`);
  printTable(["server", "admitted", "refused/dropped", "p50", "p95", "p99", "p95 vs bare relay", "samples"], rows);
  console.log(`-> target: every connection admitted and p95 <= ${TARGET_P95_MS} ms across two instances`);
}

/** Connects the crowd (alternating over `servers`), lets it write for MEASURE_MS, and collects the viewers' latencies. */
async function openCrowd(servers: Child[], docName: string, editorTokens: string[], viewerTokens: string[]): Promise<Crowd> {
  const sentAt = new Map<string, number>();
  const samples = new Float64Array(Math.ceil(EDITORS * EDITS_PER_SECOND * (MEASURE_MS / 1000) * MEASURING_VIEWERS * 1.5) + 1_000);
  let sampleCount = 0;
  let measuring = false;
  const sockets: WebSocket[] = [];
  const timers: NodeJS.Timeout[] = [];
  const endpoint = (i: number, tokens: string[]): Endpoint => ({ url: servers[i % servers.length].url, token: tokens[i % tokens.length] });

  const onViewerFrame = (data: Buffer) => {
    if (!measuring) return;
    const now = performance.now();
    const key = updateKey(data);
    const sent = key && sentAt.get(key);
    if (sent && sampleCount < samples.length) samples[sampleCount++] = now - sent;
  };

  const opened = await Promise.allSettled([
    ...Array.from({ length: VIEWERS }, (_, i) => openSocket(endpoint(i, viewerTokens), docName, sockets, onViewerFrame)),
    ...Array.from({ length: EDITORS }, (_, i) => openSocket(endpoint(i, editorTokens), docName, sockets, () => {})),
  ]);
  const editorSockets = opened.slice(VIEWERS).map((r) => (r.status === "fulfilled" ? r.value : null));
  for (const [i, r] of opened.entries()) {
    if (r.status === "fulfilled" && (i >= VIEWERS || i % Math.ceil(VIEWERS / MEASURING_VIEWERS) !== 0)) r.value.pause();
  }
  // Each editor writes a cell of its own (people in a workshop edit different cards).
  for (const [index, ws] of editorSockets.entries()) {
    if (!ws) continue;
    const doc = new Y.Doc();
    const cell = doc.getMap<number>("crowd");
    doc.on("update", (update: Uint8Array) => {
      const key = updateKey(update, false);
      if (key) sentAt.set(key, performance.now());
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, update);
      if (ws.readyState === ws.OPEN) ws.send(encoding.toUint8Array(e));
    });
    // ~0.5 edits/s each, at a random phase and with jitter, so the crowd does not write in step.
    const edit = () => {
      cell.set(`editor-${index}`, Math.random());
      timers.push(setTimeout(edit, (1000 / EDITS_PER_SECOND) * (0.5 + Math.random())));
    };
    timers.push(setTimeout(edit, Math.random() * (1000 / EDITS_PER_SECOND)));
  }
  await sleep(WARMUP_MS);
  measuring = true;
  await sleep(MEASURE_MS);
  measuring = false;
  await sleep(500);
  const dropped = sockets.filter((ws) => ws.readyState !== ws.OPEN).length;
  const refused = opened.filter((r) => r.status === "rejected").length;
  return {
    admitted: sockets.length - dropped,
    refused: refused + dropped,
    samples,
    sampleCount,
    stop: () => {
      for (const t of timers) clearTimeout(t);
      for (const ws of sockets) ws.terminate();
    },
  };
}

/** Opens a raw y-websocket connection, asks for the document (sync step 1) and resolves once the server answered. */
function openSocket({ url, token }: Endpoint, docName: string, into: WebSocket[], onFrame: (data: Buffer) => void): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url}/${docName}?token=${encodeURIComponent(token)}`);
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error("timed out"));
    }, 60_000);
    ws.on("error", () => {});
    ws.once("close", (code) => {
      clearTimeout(timer);
      reject(new Error(`closed ${code}`));
    });
    ws.once("open", () => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint8Array(e, new Uint8Array([0]));
      ws.send(encoding.toUint8Array(e));
    });
    ws.once("message", () => {
      clearTimeout(timer);
      into.push(ws);
      resolve(ws);
    });
    ws.on("message", (data: Buffer) => onFrame(data));
  });
}

/**
 * `client:clock` of an update's first struct, from the header of the Yjs v1 encoding (number of
 * clients, number of structs, client, clock). `framed`: a y-websocket sync-update frame around it.
 */
function updateKey(bytes: Uint8Array, framed = true): string | null {
  try {
    const d = decoding.createDecoder(bytes);
    if (framed) {
      if (decoding.readVarUint(d) !== 0 || decoding.readVarUint(d) !== 2) return null;
      decoding.readVarUint(d); // length of the update
    }
    if (decoding.readVarUint(d) === 0) return null;
    decoding.readVarUint(d);
    return `${decoding.readVarUint(d)}:${decoding.readVarUint(d)}`;
  } catch {
    return null;
  }
}
