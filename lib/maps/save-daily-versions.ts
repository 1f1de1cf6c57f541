// The automatic daily version: once a day, every live map that changed since its last version
// (of any kind) gets a `daily` version, so "what changed since last week?" always has an answer.
// Taken once the map has been quiet for two hours (not in the middle of a workshop), or — for a
// map older than a day that is edited all the time — regardless, so it still gets one a day.
// Run from server.ts at start and hourly (like the purge of deleted maps); the 23-hour window
// keeps it to one per map per day however often it runs, and on several instances at once the
// worst case is a second daily version, never lost data.
import { and, eq, gt, gte, isNull, lt, notExists, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { journeyMaps, mapVersions } from "@/db/schema";
import { createMapVersion } from "./map-versions";

/** Saves the due daily versions; returns how many were saved. Failures of one map do not stop the others. */
export async function saveDailyVersions(db: Database, now = new Date()): Promise<number> {
  const dayAgo = new Date(now.getTime() - 23 * 60 * 60 * 1000);
  const quietSince = new Date(now.getTime() - 2 * 60 * 60 * 1000);
  const due = await db
    .select({ id: journeyMaps.id, workspaceId: journeyMaps.workspaceId })
    .from(journeyMaps)
    .where(
      and(
        isNull(journeyMaps.deletedAt),
        or(lt(journeyMaps.updatedAt, quietSince), lt(journeyMaps.createdAt, dayAgo)),
        notExists(db.select({ one: sql`1` }).from(mapVersions).where(and(eq(mapVersions.mapId, journeyMaps.id), gte(mapVersions.createdAt, journeyMaps.updatedAt)))),
        notExists(db.select({ one: sql`1` }).from(mapVersions).where(and(eq(mapVersions.mapId, journeyMaps.id), eq(mapVersions.kind, "daily"), gt(mapVersions.createdAt, dayAgo)))),
      ),
    );
  let saved = 0;
  const label = `Daily ${now.toISOString().slice(0, 10)}`;
  for (const map of due) {
    try {
      await createMapVersion(db, { workspaceId: map.workspaceId, mapId: map.id, label, userId: null, kind: "daily", at: now });
      saved++;
    } catch (err) {
      console.error("daily version failed", map.id, err);
    }
  }
  return saved;
}
