// Loads a current ⇄ future pair (from either map's id) and compares the two documents.
import type { DbOrTx } from "@/db/client";
import { readMap } from "../map-document";
import { readMapDocument } from "../map-documents";
import { comparePair, type PairComparison } from "./compare-pair";
import { findMapPair } from "./pairs";

export type PairSide = { id: string; title: string };
export type LoadedPairComparison = { current: PairSide; future: PairSide; comparison: PairComparison };

/** The comparison of the pair `mapId` belongs to (either side), or null when the map is not paired (or not in the workspace). */
export async function loadPairComparison(db: DbOrTx, workspaceId: string, mapId: string): Promise<LoadedPairComparison | null> {
  const pair = await findMapPair(db, workspaceId, mapId);
  if (!pair) return null;
  const [currentDoc, futureDoc] = await Promise.all([
    readMapDocument(db, workspaceId, pair.currentMapId),
    readMapDocument(db, workspaceId, pair.futureMapId),
  ]);
  const current = readMap(currentDoc);
  const future = readMap(futureDoc);
  return {
    current: { id: pair.currentMapId, title: current.title },
    future: { id: pair.futureMapId, title: future.title },
    comparison: comparePair(current, future),
  };
}
