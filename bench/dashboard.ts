// Dashboard benchmark: a generated workspace of 200 maps × 50 touchpoints in the projection tables,
// the dashboard computed for several filter combinations, p50/p95 per panel and in total against
// the 300 ms target. Runs on PGlite, and on PostgreSQL too when DATABASE_URL is set.
//   npx tsx bench/dashboard.ts         (or through `npm run bench`, which calls runDashboardBench)
import os from "node:os";
import { pathToFileURL } from "node:url";
import type { Database } from "@/db/client";
import { DASHBOARD_PANELS, getDashboard, type DashboardPanel } from "@/lib/dashboard/get-dashboard";
import { ZDashboardFilters, type TDashboardFilters } from "@/lib/dashboard/filters";
import { createTestDatabase } from "@/test/database";
import { createUser, createWorkspace } from "@/test/factories";
import { createPersona, createProjectedMap, type TouchpointInput } from "@/test/projection-factory";

export const DASHBOARD_TARGET_MS = 300;

const STAGES = ["Awareness", "Discover", "Purchase", "Onboarding", "Use", "Renewal"];
const DEPARTMENTS = ["Marketing", "Sales", "Customer Service", "Product", "IT", "Finance", "HR", "Management"];
const CHANNELS = ["website", "e-mail", "phone", "store", "app", "social", "chat", "letter"];
const DEVICES = ["desktop", "phone", "tablet"];
const DAY = 86_400_000;

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

/** Fills a workspace with `maps` maps of `touchpoints` touchpoints each; returns ids useful for filters. */
export async function generateWorkspace(db: Database, options: { maps: number; touchpoints: number; seed?: number; now?: Date }) {
  const rnd = prng(options.seed ?? 42);
  const now = options.now ?? new Date();
  const workspace = await createWorkspace(db, { name: `Bench ${options.maps}×${options.touchpoints}` });
  const people = await Promise.all(DEPARTMENTS.slice(0, 5).map((d) => createUser(db, { name: `${d} lead` })));
  const personas = [];
  for (const name of ["Admin Anna", "User Uwe", "Buyer Bea", "Founder Finn", "Student Sara", "Retiree Rolf"]) {
    personas.push(await createPersona(db, workspace.id, { name }));
  }
  const mapIds: string[] = [];
  for (let m = 0; m < options.maps; m++) {
    const stages = STAGES.map((name, i) => ({ id: `s${i}`, name }));
    const touchpoints: TouchpointInput[] = [];
    // Like real journeys, consecutive touchpoints often stay in one channel, device and department.
    let channel = rnd.pick(CHANNELS);
    let device = rnd.pick(DEVICES);
    let department = rnd.pick(DEPARTMENTS);
    for (let t = 0; t < options.touchpoints; t++) {
      const stage = Math.min(STAGES.length - 1, Math.floor((t / options.touchpoints) * STAGES.length));
      if (rnd.next() < 0.35) channel = rnd.pick(CHANNELS);
      if (rnd.next() < 0.25) device = rnd.pick(DEVICES);
      if (rnd.next() < 0.3) department = rnd.pick(DEPARTMENTS);
      touchpoints.push({
        id: `tp${t}`,
        stageId: `s${stage}`,
        title: `Touchpoint ${m}-${t}`,
        channel,
        device,
        department,
        owner: `${department} owner`,
        emotion: rnd.next() < 0.08 ? null : rnd.int(7) - 3,
        momentOfTruth: rnd.next() < 0.1,
        painPoints: rnd.int(3),
        kpis: rnd.next() < 0.35
          ? Array.from({ length: 1 + rnd.int(2) }, (_, k) => ({ name: `KPI ${k}`, target: 50, actual: 20 + rnd.int(60), higherIsBetter: rnd.next() < 0.7 }))
          : [],
        opportunities: rnd.next() < 0.25
          ? [{ text: `Idea ${m}-${t}`, status: rnd.pick(["open", "open", "in_progress", "done"] as const), department: rnd.next() < 0.5 ? department : "" }]
          : [],
      });
    }
    const { map } = await createProjectedMap(db, {
      workspaceId: workspace.id,
      title: `Journey ${String(m).padStart(3, "0")}`,
      state: rnd.next() < 0.7 ? "current" : "future",
      ownerDepartment: rnd.pick(DEPARTMENTS),
      ownerId: rnd.pick(people).id,
      updatedBy: rnd.pick(people).id,
      updatedAt: new Date(now.getTime() - rnd.int(365) * DAY),
      reviewedAt: rnd.next() < 0.5 ? new Date(now.getTime() - rnd.int(365) * DAY) : null,
      personaIds: [...new Set([rnd.pick(personas).id, rnd.pick(personas).id])],
      stages,
      touchpoints,
      gaps: "derive",
    });
    mapIds.push(map.id);
  }
  return { workspace, personas, mapIds };
}

type Sample = Record<DashboardPanel | "total", number[]>;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export type DashboardBenchResult = {
  driver: "pglite" | "postgres";
  rows: { name: string; p50: number; p95: number }[];
  totalP95: number;
  withinTarget: boolean;
};

async function benchDriver(driver: "pglite" | "postgres", options: { maps: number; touchpoints: number; iterations: number }): Promise<DashboardBenchResult> {
  const tdb = await createTestDatabase(driver);
  try {
    const now = new Date();
    const started = performance.now();
    // A neighbour workspace, so that scoping by workspace has something to skip.
    await generateWorkspace(tdb.db, { maps: Math.ceil(options.maps / 4), touchpoints: options.touchpoints, seed: 7, now });
    const { workspace, personas, mapIds } = await generateWorkspace(tdb.db, { ...options, now });
    await tdb.db.execute("analyze" as never);
    console.log(`[${driver}] generated ${options.maps} maps × ${options.touchpoints} touchpoints (+ a neighbour workspace) in ${Math.round(performance.now() - started)} ms`);

    const since = new Date(now.getTime() - 60 * DAY).toISOString().slice(0, 10);
    const combos: { label: string; filters: TDashboardFilters }[] = [
      { label: "none", filters: {} },
      { label: "state", filters: { state: "future" } },
      { label: "persona", filters: { personas: [personas[0].id] } },
      { label: "department", filters: { department: "Sales" } },
      { label: "stage", filters: { stage: "Onboarding" } },
      { label: "maps", filters: { maps: mapIds.slice(0, 3) } },
      { label: "since", filters: { since } },
      { label: "all", filters: { personas: [personas[1].id], department: "Customer Service", stage: "Use", state: "current", since: "2000-01-01" } },
    ].map((c) => ({ label: c.label, filters: ZDashboardFilters.parse(c.filters) }));

    const panels = Object.keys(DASHBOARD_PANELS) as DashboardPanel[];
    const samples = Object.fromEntries([...panels, "total"].map((k) => [k, []])) as unknown as Sample;
    for (let i = -1; i < options.iterations; i++) {
      for (const combo of combos) {
        for (const panel of panels) {
          const t0 = performance.now();
          await DASHBOARD_PANELS[panel](tdb.db, workspace.id, combo.filters, now);
          if (i >= 0) samples[panel].push(performance.now() - t0);
        }
        const t0 = performance.now();
        await getDashboard(tdb.db, workspace.id, combo.filters, { now });
        if (i >= 0) samples.total.push(performance.now() - t0); // i = -1 is the warm-up round
      }
    }
    const rows = [...panels, "total" as const].map((name) => ({ name, p50: percentile(samples[name], 50), p95: percentile(samples[name], 95) }));
    const totalP95 = rows.at(-1)!.p95;
    return { driver, rows, totalP95, withinTarget: totalP95 < DASHBOARD_TARGET_MS };
  } finally {
    await tdb.close();
  }
}

function printTable(result: DashboardBenchResult, runs: number) {
  const fmt = (ms: number) => `${ms.toFixed(1).padStart(8)} ms`;
  console.log(`\nDashboard data, ${result.driver}: ${runs} runs per panel (8 filter combinations), target: whole dashboard < ${DASHBOARD_TARGET_MS} ms`);
  console.log(`(load average while measuring: ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")} on ${os.cpus().length} cores)`);
  console.log(`${"panel".padEnd(18)}${"p50".padStart(11)}${"p95".padStart(11)}`);
  for (const row of result.rows) {
    const mark = row.name === "total" ? (row.p95 < DASHBOARD_TARGET_MS ? "  ✓ within target" : "  ✗ over target") : "";
    console.log(`${row.name.padEnd(18)}${fmt(row.p50)}${fmt(row.p95)}${mark}`);
  }
}

/** Runs the benchmark on PGlite (and PostgreSQL when DATABASE_URL is set) and prints the tables. */
export async function runDashboardBench(
  options: { maps?: number; touchpoints?: number; iterations?: number } = {},
): Promise<DashboardBenchResult[]> {
  const config = { maps: options.maps ?? 200, touchpoints: options.touchpoints ?? 50, iterations: options.iterations ?? 5 };
  const drivers: ("pglite" | "postgres")[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
  const results: DashboardBenchResult[] = [];
  for (const driver of drivers) {
    const result = await benchDriver(driver, config);
    printTable(result, config.iterations * 8);
    results.push(result);
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runDashboardBench()
    .then((results) => process.exit(results.every((r) => r.withinTarget) ? 0 : 1))
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
