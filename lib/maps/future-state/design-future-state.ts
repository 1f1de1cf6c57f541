// "Design the future state": creates the future-state map of a current-state map as a linked copy.
// Every touchpoint gets a new id and `sourceTouchpointId` = the current touchpoint's id (status
// "idea"); personas, stages (same stage ids, so the two maps' stages align), lanes and handled gap
// notes carry over. One future per current map: a second call returns the existing future map.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { findMap } from "@/db/queries/maps";
import { journeyMaps, mapPairs } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createMap } from "../create-map";
import { applyExport, createMapDocument, MAP_LIMITS, newId, parseMapExport, readMap, toExport, type MapData } from "../map-document";
import { readMapDocument } from "../map-documents";
import { findMapPair } from "./pairs";

export type DesignFutureStateOptions = { workspaceId: string; mapId: string; userId: string | null; title: string };
export type DesignFutureStateResult = { futureMapId: string; created: boolean };

/** The future-state document content derived from a current map (pure; new touchpoint ids). */
export function futureStateFrom(current: MapData, title: string, makeId: () => string = newId) {
  const ids = new Map(current.touchpoints.map((t) => [t.id, makeId()]));
  const data = toExport(current, "");
  return parseMapExport({
    ...data,
    title: title.slice(0, MAP_LIMITS.titleLength),
    state: "future",
    touchpoints: data.touchpoints.map((t) => ({ ...t, id: ids.get(t.id)!, sourceTouchpointId: t.id, futureStatus: "idea" })),
    gapNotes: data.gapNotes
      .filter((n) => ids.has(n.fromTouchpointId) && ids.has(n.toTouchpointId))
      .map((n) => ({ ...n, fromTouchpointId: ids.get(n.fromTouchpointId)!, toTouchpointId: ids.get(n.toTouchpointId)! })),
  });
}

export async function designFutureState(db: Database, { workspaceId, mapId, userId, title }: DesignFutureStateOptions): Promise<DesignFutureStateResult> {
  const source = await findMap(db, workspaceId, mapId);
  if (!source) throw new AppError("not_found");
  const existing = await findMapPair(db, workspaceId, mapId);
  if (existing) {
    // Asked on either side of an existing pair: open the future map.
    return { futureMapId: existing.futureMapId, created: false };
  }
  if (source.state !== "current") throw new AppError("conflict");
  // A link left over from a deleted map (not reachable through findMapPair) is replaced.
  await db.delete(mapPairs).where(and(eq(mapPairs.currentMapId, mapId), eq(mapPairs.workspaceId, workspaceId)));

  const current = readMap(await readMapDocument(db, workspaceId, mapId));
  const doc = createMapDocument();
  applyExport(doc, futureStateFrom(current, title));
  const future = await createMap(db, { workspaceId, userId, title, doc, ownerDepartment: source.ownerDepartment });
  const inserted = await db
    .insert(mapPairs)
    .values({ currentMapId: mapId, futureMapId: future.id, workspaceId, createdBy: userId })
    .onConflictDoNothing()
    .returning({ futureMapId: mapPairs.futureMapId });
  if (inserted.length === 0) {
    // Someone else designed the future state at the same moment: keep theirs, drop this copy.
    await db.update(journeyMaps).set({ deletedAt: new Date() }).where(eq(journeyMaps.id, future.id));
    const winner = await findMapPair(db, workspaceId, mapId);
    if (!winner) throw new AppError("conflict");
    return { futureMapId: winner.futureMapId, created: false };
  }
  return { futureMapId: future.id, created: true };
}
