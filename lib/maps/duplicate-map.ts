// Duplicates a map: a new map whose document starts from the current state of the original
// (every stage, touchpoint, text, KPI, note), titled "… (copy)" and with the same settings.
import * as Y from "yjs";
import type { Database } from "@/db/client";
import { findMap, type MapSummary } from "@/db/queries/maps";
import { AppError } from "@/lib/errors";
import { createMap } from "./create-map";
import { MAP_LIMITS, setTitle } from "./map-document";
import { readMapDocument } from "./map-documents";

export type DuplicateMapOptions = { workspaceId: string; mapId: string; userId: string | null; title: string };

export async function duplicateMap(db: Database, { workspaceId, mapId, userId, title }: DuplicateMapOptions): Promise<MapSummary> {
  const original = await findMap(db, workspaceId, mapId);
  if (!original) throw new AppError("not_found");
  const source = await readMapDocument(db, workspaceId, mapId);
  // A fresh document (new client ids, no shared history) with the same content.
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  setTitle(doc, title.slice(0, MAP_LIMITS.titleLength));
  const copy = await createMap(db, { workspaceId, userId, title, doc, ownerDepartment: original.ownerDepartment });
  return copy;
}
