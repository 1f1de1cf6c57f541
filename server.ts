// The Node entry: serves Next.js and the /collab WebSocket on one port, in one process
// (PGlite allows a single owner, so in embedded mode the sync service must live here).
import http from "node:http";
import path from "node:path";
import next from "next";
import { getEnv, isDemoEnabled } from "./env";
import { closeDb, getDb, getDbDriver } from "./db/client";
import { seedDemo } from "./lib/demo/seed-demo";
import { backfillSearchIndex } from "./lib/search/backfill-search-index";
import { ensureAuthSecret } from "./lib/server/auth-secret";
import { createInProcessLiveDocuments, startCollabService } from "./collab";
import { registerDocumentHooks } from "./lib/document-hooks";
import { scheduleExclusive } from "./lib/jobs/run-exclusive";
import { createControlChannel } from "./lib/live-documents/control-channel";
import { createCrossProcessLiveDocuments } from "./lib/live-documents/cross-process";
import { setLiveDocuments } from "./lib/live-documents/port";
import { purgeDeletedMaps } from "./lib/maps/purge-deleted-maps";
import { startMailFromEnv } from "./lib/mail";
import { saveDailyVersions } from "./lib/maps/save-daily-versions";
import { appBaseUrl } from "./lib/notifications/app-url";
import { scheduleDailyJobs } from "./lib/reviews/run-daily-jobs";

async function main() {
  const dev = process.argv.includes("--dev");
  const env = getEnv();
  ensureAuthSecret(env.DATA_DIR);
  process.env.AUTH_TRUST_HOST ??= "true";

  if (env.COLLAB_IN_PROCESS === "0" && !env.DATABASE_URL) {
    throw new Error("COLLAB_IN_PROCESS=0 needs DATABASE_URL: the embedded database (PGlite) can only be opened by one process, which must then serve /collab itself");
  }
  const db = await getDb();
  const driver = await getDbDriver();
  if (isDemoEnabled(env)) {
    const seeded = await seedDemo(db);
    if (seeded) console.log("Seeded the demo workspace. Sign in as ada@acme.example / journeyboard-demo (also ben@, cem@, vic@acme.example, oz@globex.example)");
  }
  // Documents from before search existed get their search rows (nothing to do on later starts).
  const indexed = await backfillSearchIndex(db);
  if (indexed > 0) console.log(`Search: indexed ${indexed} existing documents`);

  // Soft-deleted maps stay restorable for 30 days; older ones go for good — once a day across all
  // instances (lib/jobs: whichever instance claims the job first runs it).
  const stopPurge = scheduleExclusive(db, "purge-deleted-maps", 24 * 60 * 60 * 1000, () => purgeDeletedMaps(db));

  // Queued mail is sent in the background (several instances share the outbox safely).
  const mail = startMailFromEnv(db);
  if (!env.SMTP_URL) console.log("SMTP_URL is not set: e-mails go to this log (recipient and subject) and to the owners' dev mailbox page");

  // A version per changed map per day (checked hourly across instances; the job keeps it to one a day).
  const stopDailyVersions = scheduleExclusive(db, "save-daily-versions", 60 * 60 * 1000, () => saveDailyVersions(db));

  const app = next({ dev, dir: path.resolve(import.meta.dirname ?? "."), port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  const upgradeNext = app.getUpgradeHandler();

  // How other processes learn about membership changes, deletes and stored edits: Redis when
  // configured, else PostgreSQL LISTEN/NOTIFY, else (one process on PGlite) nothing is needed.
  const control = await createControlChannel({ redisUrl: env.REDIS_URL, databaseUrl: env.DATABASE_URL });
  const collab = env.COLLAB_IN_PROCESS === "1" ? await startCollabService({ db, control }) : null;
  if (collab) {
    setLiveDocuments(createInProcessLiveDocuments(collab));
    registerDocumentHooks(collab, db);
  } else {
    // The sync service runs elsewhere: edits made here are stored, announced and projected here.
    const live = createCrossProcessLiveDocuments(control!);
    setLiveDocuments(live);
    registerDocumentHooks(live, db);
  }

  const server = http.createServer((req, res) => {
    // Login throttling and the audit log key on the client IP: unless a trusted proxy sets it, a
    // client-sent X-Forwarded-For would let anyone pick their own address.
    // The same goes for X-Forwarded-Host/-Proto: links (password reset, OIDC redirect) are built on them.
    if (env.TRUST_PROXY !== "1") {
      req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "";
      delete req.headers["x-real-ip"];
      delete req.headers["x-forwarded-host"];
      delete req.headers["x-forwarded-proto"];
    }
    // The Host the browser used, under a name Next.js does not touch: links and the OIDC redirect
    // are built on it (lib/server/origin.ts). A client-sent copy is never trusted.
    req.headers["x-journeyboard-host"] = req.headers.host ?? "";
    void handle(req, res);
  });
  server.on("upgrade", (req, socket, head) => {
    if (collab && req.url?.startsWith("/collab")) collab.handleUpgrade(req, socket, head);
    else void upgradeNext(req, socket, head);
  });

  await new Promise<void>((resolve) => server.listen(env.PORT, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;
  // Review reminders and notification digests: tried hourly, done once a day across instances.
  const stopDailyJobs = scheduleDailyJobs(db, () => appBaseUrl(`http://localhost:${port}`));
  if (isDemoEnabled(env)) {
    console.warn("WARNING: demo mode is on — the demo accounts (ada@acme.example …) share the published password 'journeyboard-demo'. Anyone who can reach this port can sign in; pages opened on a non-loopback address show a banner. Set DEMO=0 for real use.");
  }
  console.log(`Journeyboard ready on http://localhost:${port} (${driver === "pglite" ? `embedded PostgreSQL in ${env.DATA_DIR}` : "PostgreSQL server"}${collab ? ", /collab on the same port" : ", /collab served by the sync service"}${control ? `, control channel over ${control.kind}` : ""})`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close();
    stopPurge();
    stopDailyVersions();
    stopDailyJobs();
    await collab?.close();
    setLiveDocuments(null);
    await control?.close();
    await mail.stop();
    await app.close?.();
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
