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
  // CHILD_SERVE_ONLY: a second instance on a database another child has filled (bench collab-crowd).
  const setup = process.env.CHILD_SERVE_ONLY ? { token: undefined, tokens: [], viewerTokens: [], docNames: [] } : await createBenchData(db, schema, { generateSecret, hashSecret });

  const service = await startCollabService({
    db,
    // CHILD_REDIS_URL: several instances fan updates out through Redis, as in production.
    redisUrl: process.env.CHILD_REDIS_URL || null,
    allowedOrigins: [],
    register: false,
    logger: createLogger({ level: "error" }),
    // One bench user holds every connection; the limits under test here are throughput, not quotas.
    // With distinct accounts (CHILD_ACCOUNTS) the product's default limits apply.
    limits: setup.tokens.length || process.env.CHILD_SERVE_ONLY ? undefined : { maxConnectionsPerUser: 100_000, maxConnectionsPerDocument: 100_000 },
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
  process.stdout.write(`READY ${JSON.stringify({ port, ...setup })}\n`);
  process.on("SIGTERM", async () => {
    await service.close();
    await handle.close();
    process.exit(0);
  });
}

/**
 * One workspace with CHILD_MAPS maps, an editor's access token, CHILD_ACCOUNTS editor accounts and
 * CHILD_VIEWERS viewer accounts (each with a token of its own).
 */
async function createBenchData(
  db: import("@/db/client").Database,
  schema: typeof import("@/db/schema"),
  secrets: { generateSecret: (prefix: string) => string; hashSecret: (secret: string) => string },
) {
  const { generateSecret, hashSecret } = secrets;
  const stamp = Date.now();
  const [workspace] = await db.insert(schema.workspaces).values({ slug: `bench-${stamp}`, name: "Bench" }).returning();
  const [user] = await db.insert(schema.users).values({ email: `bench-${stamp}@example.test`, name: "Bench" }).returning();
  await db.insert(schema.memberships).values({ workspaceId: workspace.id, userId: user.id, role: "editor" });
  const token = generateSecret("jb");
  await db.insert(schema.personalAccessTokens).values({ userId: user.id, name: "bench", tokenHash: hashSecret(token), prefix: token.slice(0, 8) });
  // Distinct accounts (a per-user connection limit, access checks and awareness per real user).
  const accountsWith = async (count: number, role: "editor" | "viewer") => {
    if (count === 0) return [];
    const users = await db
      .insert(schema.users)
      .values(Array.from({ length: count }, (_, i) => ({ email: `bench-${stamp}-${role}-${i}@example.test`, name: `${role === "editor" ? "Editor" : "Viewer"} ${i}` })))
      .returning({ id: schema.users.id });
    await db.insert(schema.memberships).values(users.map((a) => ({ workspaceId: workspace.id, userId: a.id, role })));
    const tokens = users.map(() => generateSecret("jb"));
    await db.insert(schema.personalAccessTokens).values(users.map((a, i) => ({ userId: a.id, name: "bench", tokenHash: hashSecret(tokens[i]), prefix: tokens[i].slice(0, 8) })));
    return tokens;
  };
  const tokens = await accountsWith(Number(process.env.CHILD_ACCOUNTS ?? 0), "editor");
  const viewerTokens = await accountsWith(Number(process.env.CHILD_VIEWERS ?? 0), "viewer");
  const count = Number(process.env.CHILD_MAPS ?? 300);
  const maps = await db
    .insert(schema.journeyMaps)
    .values(Array.from({ length: count }, (_, i) => ({ workspaceId: workspace.id, title: `Bench ${i}` })))
    .returning({ id: schema.journeyMaps.id });
  return { token, tokens, viewerTokens, docNames: maps.map((m) => `map:${m.id}`) };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
