// `npm run bench`: every benchmark, each printing its figures next to a baseline from the same run.
const only = process.argv[2];
const suites: Record<string, () => Promise<unknown>> = {
  collab: async () => (await import("./collab")).runCollabBench(),
  dashboard: async () => (await import("./dashboard")).runDashboardBench(),
  exchange: async () => (await import("./exchange")).runExchangeBench(),
};

for (const [name, run] of Object.entries(suites)) {
  if (only && only !== name) continue;
  console.log(`\n=== ${name} ===`);
  await run();
}
process.exit(0);

export {};
