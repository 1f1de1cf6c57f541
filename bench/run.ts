// `npm run bench`: the default benchmarks (dashboard over HTTP, dashboard in Chromium, collab),
// each printing its figures next to a baseline from the same run — under ~10 minutes.
// `npm run bench <name>` runs one, including the long scenarios that are not in the default run:
//   collab-10k    10,000 mostly idle connections over 2,000 maps in one process (PostgreSQL)
//   collab-crowd  150 editors + 300 viewers on one map over two instances (PostgreSQL + Redis)
//   collab-storm  2,000 clients connecting at once to a fresh process
//   collab-accounts the 50-accounts edit-to-peer comparison of `collab` alone (PostgreSQL, relay, Hocuspocus)
//   collab-memory the large-document part of `collab` alone (load time, memory per open map)
//   dashboard-panels  each dashboard panel's query time in-process (where a cold computation goes)
const only = process.argv[2];
const suites: Record<string, { run: () => Promise<unknown>; byDefault: boolean }> = {
  dashboard: { run: async () => (await import("./dashboard")).runDashboardBench(), byDefault: true },
  "dashboard-browser": { run: async () => (await import("./dashboard-browser")).runDashboardBrowserBench(), byDefault: true },
  "dashboard-panels": { run: async () => (await import("./dashboard-panels")).runDashboardPanelsBench(), byDefault: false },
  collab: { run: async () => (await import("./collab")).runCollabBench(), byDefault: true },
  "collab-accounts": { run: async () => (await import("./collab")).runCollabAccountsBench(), byDefault: false },
  "collab-memory": { run: async () => (await import("./collab")).benchLargeDocument(), byDefault: false },
  "collab-10k": { run: async () => (await import("./collab")).runCollabConnectionsBench(), byDefault: false },
  "collab-crowd": { run: async () => (await import("./collab-crowd")).runCollabCrowdBench(), byDefault: false },
  "collab-storm": { run: async () => (await import("./collab")).runCollabStormBench(), byDefault: false },
  exchange: { run: async () => (await import("./exchange")).runExchangeBench(), byDefault: true },
};

if (only && !suites[only]) {
  console.error(`Unknown benchmark "${only}". Known: ${Object.keys(suites).join(", ")}`);
  process.exit(2);
}
for (const [name, suite] of Object.entries(suites)) {
  if (only ? only !== name : !suite.byDefault) continue;
  console.log(`\n=== ${name} ===`);
  await suite.run();
}
process.exit(0);

export {};
