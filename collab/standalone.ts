// The sync service as its own process (`npm run collab`), from the same source as the app.
// Needs DATABASE_URL: PGlite allows one process per data directory, and that is the app.
// The app then runs with COLLAB_IN_PROCESS=0; put both behind one origin (or list the app's
// origin in ALLOWED_ORIGINS) and share AUTH_SECRET so session cookies verify here too.
import http from "node:http";
import { z } from "zod";
import { getEnv } from "@/env";
import { closeDb, getDb } from "@/db/client";
import { registerDocumentHooks } from "@/lib/document-hooks";
import { createControlChannel } from "@/lib/live-documents/control-channel";
import { setLiveDocuments } from "@/lib/live-documents/port";
import { ensureAuthSecret } from "@/lib/server/auth-secret";
import { createInProcessLiveDocuments, startCollabService } from "./index";

const ZStandaloneEnv = z.object({ COLLAB_PORT: z.coerce.number().int().min(0).max(65535).default(3001) });

async function main() {
  const env = getEnv();
  if (!env.DATABASE_URL) {
    throw new Error("collab/standalone needs DATABASE_URL: the embedded database (PGlite) can only be opened by the app's process, which then serves /collab itself");
  }
  const { COLLAB_PORT } = ZStandaloneEnv.parse({ COLLAB_PORT: process.env.COLLAB_PORT || undefined });
  ensureAuthSecret(env.DATA_DIR);

  const db = await getDb();
  // The app process (COLLAB_IN_PROCESS=0) announces its changes on this channel: Redis when
  // configured, else PostgreSQL LISTEN/NOTIFY.
  const control = await createControlChannel({ redisUrl: env.REDIS_URL, databaseUrl: env.DATABASE_URL });
  const collab = await startCollabService({ db, control });
  setLiveDocuments(createInProcessLiveDocuments(collab));
  // Live edits stored here keep lists, search and dashboards current (the app's process no longer
  // sees them: it projects only the edits it makes itself).
  registerDocumentHooks(collab, db);
  const server = http.createServer((req, res) => {
    if (req.url === "/health" || req.url === "/api/health") {
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify({ ok: true, collab: collab.stats() }));
      return;
    }
    res.writeHead(404).end();
  });
  server.on("upgrade", (req, socket, head) => {
    if (req.url?.startsWith("/collab")) collab.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(COLLAB_PORT, resolve));
  const address = server.address();
  console.log(`Journeyboard sync service on ws://localhost:${typeof address === "object" && address ? address.port : COLLAB_PORT}/collab (control channel over ${control?.kind})`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    setTimeout(() => process.exit(1), 10_000).unref();
    server.close();
    await collab.close();
    setLiveDocuments(null);
    await control?.close();
    await closeDb();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
