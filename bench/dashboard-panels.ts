// The dashboard's panels one by one, in-process, on the real projection (projectMap) of 200 maps ×
// 50 touchpoints generated like bench/dashboard.ts: where a cold computation (the request right
// after a change) spends its time, per panel and per driver. Not a user-facing figure — the HTTP
// bench is — but the breakdown that tells which query to fix.
//   npx tsx bench/dashboard-panels.ts     (or `npm run bench dashboard-panels`; DATABASE_URL set: PostgreSQL too)
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as Y from "yjs";
import { createTestDatabase, testDrivers } from "@/test/database";
import { createWorkspace } from "@/test/factories";
import { createPersona } from "@/test/map-factory";
import { journeyMaps } from "@/db/schema";
import { applyExport, readMap, ZMapExport } from "@/lib/maps/map-document";
import { projectMap } from "@/lib/maps/project-map";
import { DASHBOARD_PANELS, getDashboard, type DashboardPanel } from "@/lib/dashboard/get-dashboard";
import { getDashboardFilterOptions } from "@/lib/dashboard/filter-options";
import { dashboardDataVersion } from "@/lib/dashboard/cached-dashboard";
import { NO_FILTERS, ZDashboardFilters } from "@/lib/dashboard/filters";
import { generatedMap } from "./dashboard";

const MAPS = Number(process.env.BENCH_MAPS ?? 200);
const TOUCHPOINTS = Number(process.env.BENCH_TOUCHPOINTS ?? 50);
const RUNS = 5;

function prng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(list: T[]) => list[Math.floor(next() * list.length)] };
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

export async function runDashboardPanelsBench(): Promise<void> {
  for (const driver of testDrivers) {
    const t = await createTestDatabase(driver);
    try {
      const ws = await createWorkspace(t.db);
      const personas = await Promise.all(["A", "B", "C"].map((name) => createPersona(t.db, ws.id, { name })));
      const rnd = prng(42);
      const started = performance.now();
      for (let m = 0; m < MAPS; m++) {
        const body = generatedMap(m, TOUCHPOINTS, personas.map((p) => p.id), rnd as never);
        const [row] = await t.db.insert(journeyMaps).values({ workspaceId: ws.id, title: body.title }).returning({ id: journeyMaps.id });
        const doc = new Y.Doc();
        applyExport(doc, ZMapExport.parse(body));
        await projectMap(t.db, { workspaceId: ws.id, mapId: row.id, map: readMap(doc) });
      }
      console.log(`\n[${driver}] ${MAPS} × ${TOUCHPOINTS} projected in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      const views = { "no filter": NO_FILTERS, department: ZDashboardFilters.parse({ department: "Sales" }), state: ZDashboardFilters.parse({ state: "future" }) };
      for (const [label, filters] of Object.entries(views)) {
        const per: Record<string, number[]> = {};
        const whole: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          for (const name of Object.keys(DASHBOARD_PANELS) as DashboardPanel[]) {
            const t0 = performance.now();
            await DASHBOARD_PANELS[name](t.db, ws.id, filters, new Date());
            (per[name] ??= []).push(performance.now() - t0);
          }
          const t0 = performance.now();
          await getDashboard(t.db, ws.id, filters);
          whole.push(performance.now() - t0);
          const t1 = performance.now();
          await dashboardDataVersion(t.db, ws.id);
          (per["(data version)"] ??= []).push(performance.now() - t1);
          const t2 = performance.now();
          await getDashboardFilterOptions(t.db, ws.id);
          (per["(filter options, page)"] ??= []).push(performance.now() - t2);
        }
        const parts = Object.entries(per).sort((a, b) => median(b[1]) - median(a[1])).map(([n, v]) => `${n} ${median(v).toFixed(1)}`);
        console.log(`[${driver}] ${label}: getDashboard ${median(whole).toFixed(1)} ms (all panels at once); alone, median ms: ${parts.join(" · ")}`);
      }
    } finally {
      await t.close();
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runDashboardPanelsBench().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
