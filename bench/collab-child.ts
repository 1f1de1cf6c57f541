// A server process for bench/collab.ts, so that servers and load generator do not share a core.
// `node --import tsx bench/collab-child.ts relay|hocuspocus|journeyboard`
// journeyboard env: CHILD_DATABASE_URL (PostgreSQL) or CHILD_DATA_DIR (PGlite); CHILD_MAPS maps are
// created in one workspace with an editor's access token, plus CHILD_ACCOUNTS distinct editor
// accounts (each with its own token) when set. Prints `READY {json}`; GET /stats answers the
// service's stats.
// hocuspocus: @hocuspocus/server with a Database extension that keeps every document in memory and
// stores on each change (debounce 0), the closest like-for-like to "stored on every update".
import http from "node:http";
import type { AddressInfo } from "node:net";
import { startBareRelay } from "./bare-relay";

async function main() {
  const mode = process.argv[2];
  if (mode === "relay") {
    const relay = await startBareRelay();
    process.stdout.write(`READY ${JSON.stringify({ port: relay.port })}\n`);
    return;
  }
  if (mode === "hocuspocus") {
    const [{ Server }, { Database }] = await Promise.all([import("@hocuspocus/server"), import("@hocuspocus/extension-database")]);
    const stored = new Map<string, Uint8Array>();
    const server = new Server({
      port: 0,
      address: "127.0.0.1",
      quiet: true,
      stopOnSignals: false,
      debounce: 0,
      maxDebounce: 0,
      extensions: [
        new Database({
          fetch: async ({ documentName }) => stored.get(documentName) ?? null,
          store: async ({ documentName, state }) => {
            stored.set(documentName, new Uint8Array(state));
          },
        }),
      ],
    });
    await server.listen();
    const address = server.httpServer.address() as AddressInfo;
    process.stdout.write(`READY ${JSON.stringify({ port: address.port })}\n`);
    process.on("SIGTERM", async () => {
      await server.destroy();
      process.exit(0);
    });
    return;
  }
  const [{ openDatabase }, { startCollabService }, { createLogger }, schema, { generateSecret, hashSecret }] = await Promise.all([
    import("@/db/client"),
    import("@/collab"),
    import("@/collab/logger"),
    import("@/db/schema"),
    import("@/lib/auth/secret-token"),
  ]);
  const handle = process.env.CHILD_DATABASE_URL
    ? await openDatabase({ url: process.env.CHILD_DATABASE_URL })
    : await openDatabase({ dataDir: process.env.CHILD_DATA_DIR });
  const db = handle.db;
  const [workspace] = await db.insert(schema.workspaces).values({ slug: `bench-${Date.now()}`, name: "Bench" }).returning();
  const [user] = await db.insert(schema.users).values({ email: `bench-${Date.now()}@example.test`, name: "Bench" }).returning();
  await db.insert(schema.memberships).values({ workspaceId: workspace.id, userId: user.id, role: "editor" });
  const token = generateSecret("jb");
  await db.insert(schema.personalAccessTokens).values({ userId: user.id, name: "bench", tokenHash: hashSecret(token), prefix: token.slice(0, 8) });
  // Distinct accounts (a per-user connection limit, access checks and awareness per real user).
  const accountCount = Number(process.env.CHILD_ACCOUNTS ?? 0);
  const accounts = accountCount
    ? await db.insert(schema.users).values(Array.from({ length: accountCount }, (_, i) => ({ email: `bench-${Date.now()}-${i}@example.test`, name: `Editor ${i}` }))).returning({ id: schema.users.id })
    : [];
  if (accounts.length) await db.insert(schema.memberships).values(accounts.map((a) => ({ workspaceId: workspace.id, userId: a.id, role: "editor" as const })));
  const tokens = accounts.map(() => generateSecret("jb"));
  if (accounts.length) {
    await db.insert(schema.personalAccessTokens).values(accounts.map((a, i) => ({ userId: a.id, name: "bench", tokenHash: hashSecret(tokens[i]), prefix: tokens[i].slice(0, 8) })));
  }
  const count = Number(process.env.CHILD_MAPS ?? 300);
  const maps = await db
    .insert(schema.journeyMaps)
    .values(Array.from({ length: count }, (_, i) => ({ workspaceId: workspace.id, title: `Bench ${i}` })))
    .returning({ id: schema.journeyMaps.id });

  const service = await startCollabService({
    db,
    redisUrl: null,
    allowedOrigins: [],
    register: false,
    logger: createLogger({ level: "error" }),
    // One bench user holds every connection; the limits under test here are throughput, not quotas.
    // With distinct accounts (CHILD_ACCOUNTS) the product's default limits apply.
    limits: accounts.length ? undefined : { maxConnectionsPerUser: 100_000, maxConnectionsPerDocument: 100_000 },
  });
  const server = http.createServer((req, res) => {
    if (req.url === "/stats") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ...service.stats(), rssMb: Math.round(process.memoryUsage().rss / 1e6) }));
      return;
    }
    res.writeHead(404).end();
  });
  server.on("upgrade", (req, socket, head) => service.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`READY ${JSON.stringify({ port, token, tokens, docNames: maps.map((m) => `map:${m.id}`) })}\n`);
  process.on("SIGTERM", async () => {
    await service.close();
    await handle.close();
    process.exit(0);
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
