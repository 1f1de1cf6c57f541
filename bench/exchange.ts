// Export/import benchmark over HTTP, signed in with a personal access token, against the real
// server (server.ts: Next + in-process sync service) on a fresh PGlite data directory:
//   - export of a 1,000-touchpoint map to PDF and XLSX, beside the JSON export of the same map;
//   - import of a 5,000-row CSV, beside the import of the same map as JSON (no parsing of a table).
// The map is written through the product's own PUT, the data made here. Needs a production build
// (`next build`, NEXT_DIST_DIR honoured). Run: npm run bench exchange
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Papa from "papaparse";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { p50: q(0.5), p95: q(0.95), max: s[s.length - 1] };
}
const f = (n: number) => `${n.toFixed(0)} ms`;

async function waitFor(url: string, timeoutMs = 180_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server did not start: ${url}`);
}

function touchpoints(n: number, stages: number) {
  return Array.from({ length: n }, (_, i) => ({
    id: `t${i}`,
    stageId: `s${Math.floor((i / n) * stages)}`,
    title: `Touchpoint ${i}: customer does something notable`,
    channel: ["Website", "E-mail", "Phone", "Store"][i % 4],
    device: ["Desktop", "Phone"][i % 2],
    department: ["Marketing", "Sales", "Customer Service"][i % 3],
    owner: "Ada",
    activity: `Reads the page, compares offers and decides whether to continue (${i})`,
    thoughts: i % 3 ? "" : "Is this really worth the price?",
    emotion: (i % 7) - 3,
    momentOfTruth: i % 25 === 0,
    painPoints: i % 2 ? [`Pain ${i}`, "Waiting time"] : [],
    opportunities: i % 4 ? [] : [`Idea ${i}`],
    systems: ["CRM"],
    kpis: i % 5 ? [] : [{ name: "CSAT", target: 4.5, actual: 3 + (i % 3), unit: "/5" }],
    evidence: i % 10 ? [] : [{ kind: "quantitative", text: `${i}% drop`, source: "Analytics" }],
  }));
}

export async function runExchangeBench(): Promise<void> {
  const root = path.resolve(import.meta.dirname, "..");
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!fs.existsSync(path.join(root, distDir, "BUILD_ID"))) {
    console.log(`exchange: no production build in ${distDir}; run \`next build\` first (skipped)`);
    return;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "jb-bench-exchange-"));
  const port = 20_000 + Math.floor(Math.random() * 30_000);
  const base = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATA_DIR: dataDir, DEMO: "1", NEXT_DIST_DIR: distDir },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitFor(`${base}/api/health`);
    // Sign in as the demo owner and create a personal access token through the product's own API.
    const csrfRes = await fetch(`${base}/api/auth/csrf`);
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const cookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie },
      body: new URLSearchParams({ csrfToken, email: "ada@acme.example", password: "journeyboard-demo", callbackUrl: base }),
    });
    const session = [cookie, ...signIn.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
    const auth = { cookie: session };

    const created = await fetch(`${base}/api/v1/workspaces/acme/maps`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ title: "Bench 1000" }) });
    if (created.status !== 201) throw new Error(`create failed: ${created.status} ${await created.text()}`);
    const { id } = (await created.json()) as { id: string };
    const stages = Array.from({ length: 8 }, (_, i) => ({ id: `s${i}`, name: `Stage ${i + 1}` }));
    const put = await fetch(`${base}/api/v1/maps/${id}`, {
      method: "PUT",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ format: "journeyboard.map/v1", title: "Bench 1000", stages, touchpoints: touchpoints(1000, 8) }),
    });
    if (put.status !== 200) throw new Error(`PUT failed: ${put.status} ${(await put.text()).slice(0, 300)}`);

    const timeExport = async (query: string) => {
      const times: number[] = [];
      let bytes = 0;
      let pages = "";
      for (let i = 0; i < RUNS + 1; i++) {
        const t0 = performance.now();
        const res = await fetch(`${base}/api/v1/maps/${id}/export?${query}`, { headers: auth });
        const body = new Uint8Array(await res.arrayBuffer());
        if (res.status !== 200) throw new Error(`${query}: ${res.status}`);
        if (i > 0) times.push(performance.now() - t0); // the first run warms up fonts and code
        bytes = body.byteLength;
        pages = res.headers.get("x-page-count") ?? "";
      }
      return { ...stats(times), bytes, pages };
    };

    console.log(`load average: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} (${os.cpus().length} cores)`);
    console.log(`\nExport of a 1,000-touchpoint map over HTTP (signed in), ${RUNS} runs each after one warm-up:`);
    // Rows print as they finish (a loaded machine makes the poster formats slow).
    console.log("| format | p50 | p95 | size | vs JSON p50 |\n|---|---|---|---|---|");
    let baseline = 0;
    for (const [name, query] of [
      ["JSON (baseline)", "format=json"],
      ["CSV", "format=csv"],
      ["XLSX", "format=xlsx"],
      ["PDF A3 split", "format=pdf&paper=a3&pages=split"],
      ["PDF A2 one page", "format=pdf&paper=a2&pages=single"],
      ["PNG 2×", "format=png"],
    ] as const) {
      const r = await timeExport(query);
      baseline ||= r.p50;
      console.log(`| ${name} | ${f(r.p50)} | ${f(r.p95)} | ${(r.bytes / 1024).toFixed(0)} KiB${r.pages ? `, ${r.pages} pages` : ""} | ${(r.p50 / baseline).toFixed(1)}× |`);
    }

    // Import: 5,000 rows as CSV vs the same map as JSON.
    const rowsCsv = touchpoints(5000, 10).map((t) => ({
      stage: `Stage ${t.stageId.slice(1)}`, title: t.title, channel: t.channel, device: t.device, department: t.department, owner: t.owner,
      activity: t.activity, thoughts: t.thoughts, emotion: t.emotion, momentOfTruth: t.momentOfTruth ? "yes" : "", painPoints: t.painPoints.join("\n"),
      opportunities: t.opportunities.join("\n"), systems: t.systems.join("\n"), kpis: t.kpis.map((k) => `${k.name}: ${k.actual} / ${k.target} ${k.unit}`).join("\n"),
    }));
    const csv = Papa.unparse(rowsCsv);
    const json = JSON.stringify({ format: "journeyboard.map/v1", title: "Bench import", stages: Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, name: `Stage ${i}` })), touchpoints: touchpoints(5000, 10) });
    const timeImport = async (name: string, body: string) => {
      const times: number[] = [];
      const runs = Math.max(2, Math.ceil(RUNS / 2));
      for (let i = 0; i < runs; i++) {
        const form = new FormData();
        form.set("file", new File([body], name));
        const t0 = performance.now();
        const res = await fetch(`${base}/api/v1/workspaces/acme/maps/import`, { method: "POST", headers: auth, body: form });
        const text = await res.text();
        if (res.status !== 201) throw new Error(`import ${name}: ${res.status} ${text.slice(0, 300)}`);
        times.push(performance.now() - t0);
      }
      return { ...stats(times), bytes: Buffer.byteLength(body), runs };
    };
    console.log(`\nImport of 5,000 rows over HTTP (signed in; parse, check, create the map and its projection):`);
    const jsonImport = await timeImport("bench.json", json);
    const csvImport = await timeImport("bench.csv", csv);
    console.log("| file | p50 | max | size | vs JSON p50 |\n|---|---|---|---|---|");
    console.log(`| JSON, 5,000 touchpoints (baseline) | ${f(jsonImport.p50)} | ${f(jsonImport.max)} | ${(jsonImport.bytes / 1024).toFixed(0)} KiB | 1.0× |`);
    console.log(`| CSV, 5,000 rows | ${f(csvImport.p50)} | ${f(csvImport.max)} | ${(csvImport.bytes / 1024).toFixed(0)} KiB | ${(csvImport.p50 / jsonImport.p50).toFixed(1)}× |`);
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runExchangeBench();
  process.exit(0);
}
