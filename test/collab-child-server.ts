// A sync server in its own process, for tests that kill it with SIGKILL (collab/crash.test.ts).
// Run as `node --import tsx test/collab-child-server.ts` (so that the pid is the server itself).
// Env: CHILD_DATA_DIR (PGlite) or CHILD_DATABASE_URL; CHILD_SEED=1 creates a team, a map and an
// editor's access token first; CHILD_REDIS_URL joins the instances on that Redis. Prints one line: `READY {"port":…, "docName":…, "token":…}`.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { openDatabase } from "@/db/client";
import { startCollabService } from "@/collab";
import { createLogger } from "@/collab/logger";
import { createTeam } from "./factories";
import { createAccessToken, createMapRow } from "./collab-server";

async function main() {
  const handle = process.env.CHILD_DATABASE_URL
    ? await openDatabase({ url: process.env.CHILD_DATABASE_URL })
    : await openDatabase({ dataDir: process.env.CHILD_DATA_DIR });
  let seeded: { docName: string; token: string } | null = null;
  if (process.env.CHILD_SEED === "1") {
    const team = await createTeam(handle.db);
    const { docName } = await createMapRow(handle.db, team.workspace.id);
    const { token } = await createAccessToken(handle.db, team.editor.id);
    seeded = { docName, token };
  }
  const service = await startCollabService({ db: handle.db, redisUrl: process.env.CHILD_REDIS_URL || null, allowedOrigins: [], register: false, logger: createLogger({ level: "warn" }) });
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  server.on("upgrade", (req, socket, head) => service.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`READY ${JSON.stringify({ port, ...seeded })}\n`);
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
