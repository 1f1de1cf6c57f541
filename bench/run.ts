// `npm run bench`: every figure issue 12 asks for, each next to a baseline from the same run
// (~25 minutes on a quiet 2-core machine; PostgreSQL and Redis for the sync scenarios):
//   dashboard          the dashboard over HTTP, signed in, on data written through REST (PGlite, PostgreSQL)
//   dashboard-browser  total blocking time and a filter change's INP in Chromium
//   collab             edit-to-peer (PGlite; 50 accounts on PostgreSQL vs bare relay and Hocuspocus), stored acks, memory, connections
//   collab-crowd       150 editors + 300 viewers on one map over two instances (PostgreSQL + Redis)
//   collab-10k         10,000 mostly idle connections over 2,000 maps in one process (PostgreSQL)
//   collab-storm       2,000 clients connecting at once to a fresh process
//   exchange           export and import over HTTP
// `npm run bench <name>` runs one of those, or one of these parts:
//   collab-accounts    the 50-accounts edit-to-peer comparison of `collab` alone
//   collab-memory      the large-document part of `collab` alone (load time, memory per open map)
//   dashboard-panels   each dashboard panel's query time in-process (where a cold computation goes)
const only = process.argv[2];
const suites: Record<string, { run: () => Promise<unknown>; byDefault: boolean }> = {
  dashboard: { run: async () => (await import("./dashboard")).runDashboardBench(), byDefault: true },
  "dashboard-browser": { run: async () => (await import("./dashboard-browser")).runDashboardBrowserBench(), byDefault: true },
  "dashboard-panels": { run: async () => (await import("./dashboard-panels")).runDashboardPanelsBench(), byDefault: false },
  collab: { run: async () => (await import("./collab")).runCollabBench(), byDefault: true },
  "collab-accounts": { run: async () => (await import("./collab")).runCollabAccountsBench(), byDefault: false },
  "collab-memory": { run: async () => (await import("./collab")).benchLargeDocument(), byDefault: false },
  "collab-10k": { run: async () => (await import("./collab")).runCollabConnectionsBench(), byDefault: true },
  "collab-crowd": { run: async () => (await import("./collab-crowd")).runCollabCrowdBench(), byDefault: true },
  "collab-storm": { run: async () => (await import("./collab")).runCollabStormBench(), byDefault: true },
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
