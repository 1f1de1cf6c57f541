// Dashboard over HTTP, as users wait for it: the real built server (`tsx server.ts`, production
// build, like playwright.config.ts) on a fresh PGlite data directory and again on a throwaway
// PostgreSQL database; 200 maps × 50 touchpoints created through the product's own write path
// (REST POST /api/v1/workspaces/{slug}/maps + PUT /api/v1/maps/{id} as a signed-in editor, then
// waiting until the projection has caught up); then a signed-in VIEWER (session cookie from the
// credentials sign-in) requests GET /api/v1/workspaces/{slug}/dashboard and the dashboard page's
// HTML under several filter combinations. Baselines in the same run: GET /api/health (no auth)
// and GET /api/v1/workspaces (the cheapest authenticated request: the per-request floor).
//
//   npx tsx bench/dashboard.ts            (or `npm run bench dashboard`)
// Env: BENCH_MAPS, BENCH_TOUCHPOINTS, BENCH_ITERATIONS; NEXT_DIST_DIR (default .next-bench; built
// when missing); DATABASE_URL or a local PostgreSQL on 127.0.0.1:5432 for the second driver;
// BENCH_DATA_DIR: a PGlite data directory kept between runs (populated once, then reused — writing
// 200 maps takes minutes; only for comparing builds on the same data, not for the write figures).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DASHBOARD_TARGET_MS = 150;
export const BENCH_SLUG = "acme";
const DEMO_PASSWORD = "journeyboard-demo";
const SLUG = "acme";
const EDITOR = "ada@acme.example";
const VIEWER = "vic@acme.example";

const STAGES = ["Awareness", "Discover", "Purchase", "Onboarding", "Use", "Renewal"];
const DEPARTMENTS = ["Marketing", "Sales", "Customer Service", "Product", "IT", "Finance", "HR", "Management"];
const CHANNELS = ["website", "e-mail", "phone", "store", "app", "social", "chat", "letter"];
const DEVICES = ["desktop", "phone", "tablet"];

/** Small deterministic PRNG (mulberry32) so every run measures the same data. */
function prng(seed: number) {
  let a = seed;
  const next = () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(list: T[]) => list[Math.floor(next() * list.length)] };
}

/** One map in the export format (`journeyboard.map/v1`, CONTRACT §7), as the REST PUT takes it. */
export function generatedMap(m: number, touchpoints: number, personaIds: string[], rnd: ReturnType<typeof prng>) {
  let channel = rnd.pick(CHANNELS);
  let device = rnd.pick(DEVICES);
  let department = rnd.pick(DEPARTMENTS);
  return {
    format: "journeyboard.map/v1",
    title: `Journey ${String(m).padStart(3, "0")}`,
    state: rnd.next() < 0.7 ? "current" : "future",
    personaIds: [...new Set([rnd.pick(personaIds), rnd.pick(personaIds)])],
    stages: STAGES.map((name, i) => ({ id: `s${i}`, name })),
    touchpoints: Array.from({ length: touchpoints }, (_, t) => {
      // Like real journeys, consecutive touchpoints often stay in one channel, device and department.
      if (rnd.next() < 0.35) channel = rnd.pick(CHANNELS);
      if (rnd.next() < 0.25) device = rnd.pick(DEVICES);
      if (rnd.next() < 0.3) department = rnd.pick(DEPARTMENTS);
      const emotion = rnd.next() < 0.08 ? null : rnd.int(7) - 3;
      return {
        id: `tp${t}`,
        stageId: `s${Math.min(STAGES.length - 1, Math.floor((t / touchpoints) * STAGES.length))}`,
        title: `Touchpoint ${m}-${t}`,
        channel,
        device,
        department,
        owner: `${department} owner`,
        emotion,
        momentOfTruth: rnd.next() < 0.1,
        painPoints: Array.from({ length: rnd.int(3) }, (_, k) => `Pain ${k}`),
        kpis: rnd.next() < 0.35
          ? Array.from({ length: 1 + rnd.int(2) }, (_, k) => ({ name: `KPI ${k}`, target: 50, actual: 20 + rnd.int(60), higherIsBetter: rnd.next() < 0.7 }))
          : [],
        opportunityDetails: rnd.next() < 0.25
          ? [{ text: `Idea ${m}-${t}`, status: rnd.pick(["open", "open", "in_progress", "done"]), department: rnd.next() < 0.5 ? department : "" }]
          : [],
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// The server

export type Server = { proc: ChildProcess; base: string; stop(): Promise<void>; log: () => string; dataDir: string; isKept: boolean };

export function ensureBuild(distDir: string): void {
  if (fs.existsSync(path.join(ROOT, distDir, "BUILD_ID"))) return;
  console.log(`building the app into ${distDir} (once; delete it to rebuild)…`);
  const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_DIST_DIR: distDir, NODE_ENV: "production" },
  });
  if (r.status !== 0) throw new Error("next build failed");
}

export async function startServer(distDir: string, databaseUrl: string): Promise<Server> {
  const port = 20_000 + Math.floor(Math.random() * 30_000);
  // A kept data directory only for PGlite (a PostgreSQL run has its own throwaway database).
  const keptDir = !databaseUrl && process.env.BENCH_DATA_DIR ? path.resolve(process.env.BENCH_DATA_DIR) : null;
  if (keptDir) fs.mkdirSync(keptDir, { recursive: true });
  const dataDir = keptDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "jb-bench-dash-"));
  const proc = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "server.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_DIST_DIR: distDir,
      PORT: String(port),
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      DEMO: "1",
      AUTH_SECRET: "bench-secret-0123456789abcdef0123456789",
      COLLAB_IN_PROCESS: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  proc.stdout!.on("data", (d) => (log += d));
  proc.stderr!.on("data", (d) => (log += d));
  const base = `http://127.0.0.1:${port}`;
  // Generous: on a shared 2-core machine a cold start (migrations, demo seed, Next) can take minutes.
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited: ${log}`);
    if (Date.now() > deadline) {
      proc.kill("SIGKILL");
      throw new Error(`server did not start: ${log}`);
    }
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await sleep(300);
  }
  return {
    proc,
    base,
    log: () => log,
    dataDir,
    isKept: Boolean(keptDir),
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          if (!keptDir) fs.rmSync(dataDir, { recursive: true, force: true });
          resolve();
        };
        if (proc.exitCode !== null) return done();
        const force = setTimeout(() => proc.kill("SIGKILL"), 10_000);
        proc.once("exit", () => {
          clearTimeout(force);
          done();
        });
        proc.kill("SIGTERM");
      }),
  };
}

/** Signs in through Auth.js's credentials endpoint (CSRF token first) and returns the Cookie header. */
export async function signIn(base: string, email: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  keep(csrfRes);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password: DEMO_PASSWORD, callbackUrl: `${base}/` }).toString(),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in as ${email} failed (${res.status})`);
  return cookieHeader(jar);
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

async function api<T>(base: string, cookie: string, method: string, url: string, body?: unknown): Promise<T> {
  let res: Response | null = null;
  // A kept-alive socket the busy server closed at the same moment fails before any response: retry
  // (a duplicated create would only add a map; the projection wait counts "at least").
  for (let attempt = 0; !res; attempt++) {
    try {
      res = await fetch(`${base}${url}`, {
        method,
        headers: { cookie, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch (err) {
      if (attempt >= 3) throw err;
      await sleep(500);
    }
  }
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}


/**
 * Signs in the demo editor and viewer and writes `maps` × `touchpoints` through REST (create + PUT,
 * 4 requests in flight), then waits until the projection shows every touchpoint.
 */
export async function populate(server: Server, options: { maps: number; touchpoints: number }, label: string) {
  const { base } = server;
  const editor = await signIn(base, EDITOR);
  const viewer = await signIn(base, VIEWER);
  const personas = await api<{ id: string }[]>(base, editor, "GET", `/api/v1/workspaces/${SLUG}/personas`);
  const personaIds = personas.map((p) => p.id);
  // A kept data directory (BENCH_DATA_DIR) populated before with the same sizes: reuse it.
  const marker = path.join(server.dataDir, "bench-populated.json");
  if (server.isKept && fs.existsSync(marker)) {
    const kept = JSON.parse(fs.readFileSync(marker, "utf8")) as { maps: number; touchpoints: number; mapIds: string[] };
    if (kept.maps === options.maps && kept.touchpoints === options.touchpoints) {
      console.log(`[${label}] reusing ${kept.maps} maps × ${kept.touchpoints} touchpoints in ${server.dataDir}`);
      return { editor, viewer, personaIds, mapIds: kept.mapIds };
    }
    throw new Error(`${server.dataDir} holds ${kept.maps} × ${kept.touchpoints}, not ${options.maps} × ${options.touchpoints}: use another BENCH_DATA_DIR`);
  }
  const before = await api<{ overview: { touchpoints: number; maps: number } }>(base, viewer, "GET", `/api/v1/workspaces/${SLUG}/dashboard`);
  const started = performance.now();
  const rnd = prng(42);
  const bodies = Array.from({ length: options.maps }, (_, m) => generatedMap(m, options.touchpoints, personaIds, rnd));
  const mapIds: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const created = await api<{ id: string }>(base, editor, "POST", `/api/v1/workspaces/${SLUG}/maps`, { title: body.title });
        await api(base, editor, "PUT", `/api/v1/maps/${created.id}`, body);
        mapIds.push(created.id);
        if (mapIds.length % 50 === 0) console.log(`[${label}] ${mapIds.length}/${bodies.length} maps written (${((performance.now() - started) / 1000).toFixed(0)} s)`);
      }
    }),
  );
  const written = performance.now() - started;
  // The projection follows the live documents asynchronously: wait until it has every touchpoint.
  const expected = before.overview.touchpoints + options.maps * options.touchpoints;
  for (let waited = 0; ; waited += 500) {
    const d = await api<{ overview: { touchpoints: number } }>(base, viewer, "GET", `/api/v1/workspaces/${SLUG}/dashboard`);
    if (d.overview.touchpoints >= expected) break;
    if (waited > 300_000) throw new Error(`projection did not catch up: ${d.overview.touchpoints}/${expected}`);
    await sleep(500);
  }
  if (server.isKept) fs.writeFileSync(marker, JSON.stringify({ maps: options.maps, touchpoints: options.touchpoints, mapIds }));
  console.log(
    `[${label}] ${options.maps} maps × ${options.touchpoints} touchpoints written over REST in ${(written / 1000).toFixed(1)} s, projected after ${((performance.now() - started) / 1000).toFixed(1)} s (+ ${before.overview.maps} demo maps)`,
  );
  return { editor, viewer, personaIds, mapIds };
}

// ---------------------------------------------------------------------------------------------
// Measuring

type Row = { label: string; p50: number; p95: number; bytes: number };

/** Server-Timing entries of one response (`name;dur=12.3;desc="…"`), by name, in ms. */
export function parseServerTiming(header: string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().split(";");
    if (!name) continue;
    const dur = params.map((p) => p.trim()).find((p) => p.startsWith("dur="));
    out[name] = dur ? Number(dur.slice(4)) : (out[name] ?? 0) + 1;
  }
  return out;
}

/** Collected Server-Timing entries per request kind (cache hits, right after a change). */
type Breakdown = { hits: Record<string, number>[]; misses: Record<string, number>[]; totals: number[]; missTotals: number[] };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time(base: string, url: string, cookie: string | null, iterations: number, breakdown?: Breakdown): Promise<{ samples: number[]; bytes: number }> {
  const samples: number[] = [];
  let bytes = 0;
  for (let i = -2; i < iterations; i++) {
    const t0 = performance.now();
    const res = await fetch(`${base}${url}`, { headers: cookie ? { cookie } : {} });
    const body = await res.arrayBuffer(); // the whole body: what a browser waits for
    const ms = performance.now() - t0;
    if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
    bytes = body.byteLength;
    if (i >= 0) samples.push(ms); // two warm-up requests
    const st = parseServerTiming(res.headers.get("server-timing"));
    if (i >= 0 && breakdown && Object.keys(st).length > 1) {
      if ("cache" in st) {
        breakdown.hits.push(st);
        breakdown.totals.push(ms);
      } else {
        breakdown.misses.push(st);
        breakdown.missTotals.push(ms);
      }
    }
  }
  return { samples, bytes };
}

export type DashboardBenchResult = { driver: "pglite" | "postgres"; rows: Row[]; apiP95: number; pageP95: number; changedP95: number; withinTarget: boolean; breakdown: Breakdown };

async function benchDriver(
  driver: "pglite" | "postgres",
  databaseUrl: string,
  options: { maps: number; touchpoints: number; iterations: number; distDir: string },
): Promise<DashboardBenchResult> {
  const server = await startServer(options.distDir, databaseUrl);
  try {
    const { base } = server;
    const { editor, viewer, personaIds, mapIds } = await populate(server, options, driver);

    const combos: { label: string; query: Record<string, string> }[] = [
      { label: "no filter", query: {} },
      { label: "state", query: { state: "future" } },
      { label: "persona", query: { persona: personaIds[0] } },
      { label: "department", query: { department: "Sales" } },
      { label: "stage", query: { stage: "Onboarding" } },
      { label: "3 maps", query: { map: mapIds[0] } },
      { label: "all filters", query: { persona: personaIds[1], department: "Customer Service", stage: "Use", state: "current", since: "2000-01-01" } },
    ];
    const qs = (q: Record<string, string>) => (Object.keys(q).length ? `?${new URLSearchParams(q)}` : "");
    const rows: Row[] = [];
    const breakdown: Breakdown = { hits: [], misses: [], totals: [], missTotals: [] };
    const add = async (label: string, url: string, cookie: string | null, into?: Breakdown) => {
      const { samples, bytes } = await time(base, url, cookie, options.iterations, into);
      rows.push({ label, p50: percentile(samples, 50), p95: percentile(samples, 95), bytes });
      return samples;
    };
    await add("baseline GET /api/health (no auth)", "/api/health", null);
    await add("baseline GET /api/v1/workspaces (viewer)", "/api/v1/workspaces", viewer);
    const apiAll: number[] = [];
    const pageAll: number[] = [];
    for (const c of combos) apiAll.push(...(await add(`API dashboard, ${c.label}`, `/api/v1/workspaces/${SLUG}/dashboard${qs(c.query)}`, viewer, breakdown)));
    for (const c of combos.filter((_, i) => i === 0 || i === 3 || i === 6)) {
      pageAll.push(...(await add(`page /w/${SLUG}/dashboard, ${c.label}`, `/w/${SLUG}/dashboard${qs(c.query)}`, viewer)));
    }
    // Right after a change: an editor renames a map over REST; once the projection shows it (read
    // through the maps list, not the dashboard), one timed dashboard request — computed afresh.
    const changed: number[] = [];
    let changedBytes = 0;
    const map0 = await api<{ title: string }>(base, editor, "GET", `/api/v1/maps/${mapIds[0]}`);
    for (let i = 0; i < Math.max(5, Math.round(options.iterations / 2)); i++) {
      const title = `Journey 000 rev ${i}`;
      await api(base, editor, "PUT", `/api/v1/maps/${mapIds[0]}`, { ...map0, title });
      for (let waited = 0; ; waited += 200) {
        const list = await api<{ id: string; title: string }[]>(base, editor, "GET", `/api/v1/workspaces/${SLUG}/maps?q=${encodeURIComponent(title)}`);
        if (list.some((m) => m.title === title)) break;
        if (waited > 60_000) throw new Error("projection did not show the rename");
        await sleep(200);
      }
      const t0 = performance.now();
      const res = await fetch(`${base}/api/v1/workspaces/${SLUG}/dashboard`, { headers: { cookie: viewer } });
      const text = await res.text();
      changed.push(performance.now() - t0);
      const st = parseServerTiming(res.headers.get("server-timing"));
      if (Object.keys(st).length > 1) {
        breakdown.misses.push(st);
        breakdown.missTotals.push(changed[changed.length - 1]);
      }
      changedBytes = text.length;
      if (!text.includes(title)) throw new Error("the dashboard after the change does not show it");
    }
    rows.push({ label: "API dashboard, right after a change", p50: percentile(changed, 50), p95: percentile(changed, 95), bytes: changedBytes });
    const apiP95 = percentile(apiAll, 95);
    const pageP95 = percentile(pageAll, 95);
    const changedP95 = percentile(changed, 95);
    return { driver, rows, apiP95, pageP95, changedP95, withinTarget: apiP95 <= DASHBOARD_TARGET_MS && pageP95 <= DASHBOARD_TARGET_MS && changedP95 <= DASHBOARD_TARGET_MS, breakdown };
  } catch (err) {
    console.error(server.log().slice(-4000));
    throw err;
  } finally {
    await server.stop();
  }
}

function printTable(result: DashboardBenchResult, iterations: number) {
  console.log(`\nDashboard over HTTP, ${result.driver}, signed-in viewer, ${iterations} requests each (after 2 warm-up), target p95 ≤ ${DASHBOARD_TARGET_MS} ms`);
  console.log(`(load average while measuring: ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} on ${os.cpus().length} cores)`);
  const w = Math.max(...result.rows.map((r) => r.label.length)) + 2;
  console.log(`${"request".padEnd(w)}${"p50".padStart(10)}${"p95".padStart(10)}${"body".padStart(10)}`);
  for (const r of result.rows) {
    console.log(`${r.label.padEnd(w)}${r.p50.toFixed(1).padStart(7)} ms${r.p95.toFixed(1).padStart(7)} ms${`${(r.bytes / 1024).toFixed(1)} KiB`.padStart(10)}`);
  }
  printBreakdown(result.breakdown);
  const mark = (ms: number) => (ms <= DASHBOARD_TARGET_MS ? "✓ within target" : "✗ over target");
  console.log(`→ API p95 over all filters ${result.apiP95.toFixed(1)} ms ${mark(result.apiP95)}; page p95 ${result.pageP95.toFixed(1)} ms ${mark(result.pageP95)}; right after a change p95 ${result.changedP95.toFixed(1)} ms ${mark(result.changedP95)}`);
}

const median = (values: number[]) => (values.length ? percentile(values, 50) : NaN);

/**
 * Where a dashboard request's time goes, from the server's own Server-Timing header (medians): auth
 * (session cookie decode + session-version lookup), membership lookup, the data-version query, the
 * panels (cache miss: each panel's wall time), JSON serialisation; "outside the handler" is what the
 * client waited beyond the handler (Next's routing, the HTTP stack, the body on the wire).
 */
function printBreakdown(b: Breakdown) {
  const show = (label: string, rows: Record<string, number>[], totals: number[]) => {
    if (!rows.length) return;
    const names = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((n) => n !== "cache");
    const parts = names.map((n) => `${n} ${median(rows.map((r) => r[n]).filter((v) => v !== undefined)).toFixed(1)}`);
    const handler = median(rows.map((r) => r.handler ?? 0));
    const auth = median(rows.map((r) => r.auth ?? 0));
    const outside = median(totals) - handler - auth;
    console.log(`  ${label} (${rows.length} requests, median ms): ${parts.join(" · ")} · outside the handler ${outside.toFixed(1)} (client total ${median(totals).toFixed(1)})`);
  };
  console.log("Breakdown from Server-Timing:");
  show("cache hit", b.hits, b.totals);
  show("cache miss", b.misses, b.missTotals);
}

async function reachablePostgres(): Promise<string | null> {
  const url = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
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

/** Runs the benchmark on PGlite and on a throwaway PostgreSQL database (when one is reachable). */
export async function runDashboardBench(options: { maps?: number; touchpoints?: number; iterations?: number } = {}): Promise<DashboardBenchResult[]> {
  const config = {
    maps: options.maps ?? Number(process.env.BENCH_MAPS ?? 200),
    touchpoints: options.touchpoints ?? Number(process.env.BENCH_TOUCHPOINTS ?? 50),
    iterations: options.iterations ?? Number(process.env.BENCH_ITERATIONS ?? 20),
    distDir: process.env.NEXT_DIST_DIR || ".next-bench",
  };
  ensureBuild(config.distDir);
  // BENCH_DRIVERS=pglite or =postgres runs one (e.g. two processes side by side); default both.
  const drivers = (process.env.BENCH_DRIVERS ?? "pglite,postgres").split(",");
  const results: DashboardBenchResult[] = [];
  if (drivers.includes("pglite")) {
    results.push(await benchDriver("pglite", "", config));
    printTable(results[0], config.iterations);
  }
  if (!drivers.includes("postgres")) return results;
  const pg = await reachablePostgres();
  if (!pg) {
    console.log("\nPostgreSQL: not reachable (set DATABASE_URL), skipped");
    return results;
  }
  const name = `jb_bench_dash_${Date.now().toString(36)}`;
  const admin = postgres(pg, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  try {
    const url = new URL(pg);
    url.pathname = `/${name}`;
    const result = await benchDriver("postgres", url.toString(), config);
    printTable(result, config.iterations);
    results.push(result);
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  return results;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runDashboardBench()
    .then((results) => process.exit(results.every((r) => r.withinTarget) ? 0 : 1))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
