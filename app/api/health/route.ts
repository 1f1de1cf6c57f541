// GET /api/health — readiness: database reachable, and the sync service's figures when it runs in this process
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { getCollabService } from "@/collab/registry";
import { getLiveDocuments } from "@/lib/live-documents/port";

export const dynamic = "force-dynamic";

export async function GET() {
  let database: "up" | "down" = "down";
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    database = "up";
  } catch (err) {
    // The cause goes to the server log, not into a public response.
    console.error("health: database check failed:", err instanceof Error ? err.message : err);
  }
  // null when /collab runs as its own process (COLLAB_IN_PROCESS=0) or has not started yet.
  const collab = getCollabService()?.stats() ?? null;
  // "in-process" or "cross-process" (COLLAB_IN_PROCESS=0): shows that server.ts wired the port.
  const liveDocuments = getLiveDocuments().kind;
  const ok = database === "up";
  return Response.json({ ok, database, collab, liveDocuments }, { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
