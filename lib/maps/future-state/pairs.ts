// Current ⇄ future pairs (issue 13): the relational link between a current-state map and the
// future-state map designed from it (table map_pairs, one future per current map).
// Deleting either map (soft delete) removes the link: a restored map comes back unpaired, and
// "Design the future state" on the current map then creates a new future map.
import { and, eq, isNull, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { journeyMaps, mapPairs } from "@/db/schema";

export type MapPairLink = {
  currentMapId: string;
  futureMapId: string;
  /** The role of the map that was asked about. */
  role: "current" | "future";
  /** The other map of the pair. */
  pairedMapId: string;
  pairedMapTitle: string;
};

const current = alias(journeyMaps, "pair_current");
const future = alias(journeyMaps, "pair_future");

/** The pair a live map of the workspace belongs to (both maps live), or null. */
export async function findMapPair(db: DbOrTx, workspaceId: string, mapId: string): Promise<MapPairLink | null> {
  const [row] = await db
    .select({ currentMapId: mapPairs.currentMapId, futureMapId: mapPairs.futureMapId, currentTitle: current.title, futureTitle: future.title })
    .from(mapPairs)
    .innerJoin(current, eq(current.id, mapPairs.currentMapId))
    .innerJoin(future, eq(future.id, mapPairs.futureMapId))
    .where(
      and(
        eq(mapPairs.workspaceId, workspaceId),
        or(eq(mapPairs.currentMapId, mapId), eq(mapPairs.futureMapId, mapId)),
        eq(current.workspaceId, workspaceId),
        eq(future.workspaceId, workspaceId),
        isNull(current.deletedAt),
        isNull(future.deletedAt),
      ),
    )
    .limit(1);
  if (!row) return null;
  const isCurrent = row.currentMapId === mapId;
  return {
    currentMapId: row.currentMapId,
    futureMapId: row.futureMapId,
    role: isCurrent ? "current" : "future",
    pairedMapId: isCurrent ? row.futureMapId : row.currentMapId,
    pairedMapTitle: isCurrent ? row.futureTitle : row.currentTitle,
  };
}

/** Removes the link of a map (either side); called when a map is deleted. */
export async function unlinkMapPair(db: DbOrTx, mapId: string): Promise<void> {
  await db.delete(mapPairs).where(or(eq(mapPairs.currentMapId, mapId), eq(mapPairs.futureMapId, mapId)));
}

export type MapPairRow = { currentMapId: string; futureMapId: string };

/** Every pair of the workspace whose two maps are live. */
export async function listMapPairs(db: DbOrTx, workspaceId: string): Promise<MapPairRow[]> {
  return db
    .select({ currentMapId: mapPairs.currentMapId, futureMapId: mapPairs.futureMapId })
    .from(mapPairs)
    .innerJoin(current, eq(current.id, mapPairs.currentMapId))
    .innerJoin(future, eq(future.id, mapPairs.futureMapId))
    .where(and(eq(mapPairs.workspaceId, workspaceId), isNull(current.deletedAt), isNull(future.deletedAt)));
}
