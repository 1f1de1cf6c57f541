// Restoring a saved version: the current state is saved first (a `restore` version, so the restore
// itself can be undone from the history), then the version's content replaces the map's content as
// ONE change through the live document — minimal edits (applyExport), so open editors keep their
// place. From the REST API the change is a server edit (like PUT); the editor applies the same
// export in the browser with the user's own origin so that their undo brings the old state back.
import type * as Y from "yjs";
import type { Database } from "@/db/client";
import { readMap, toExport, ZMapExport, type MapData, type MapExport } from "./map-document";
import { readMapDocument } from "./map-documents";
import { createMapVersion, loadMapVersion, type MapVersionItem } from "./map-versions";
import { replaceMapContent } from "./replace-map-content";

type Ref = { workspaceId: string; mapId: string; versionId: string };

/** A version's content in the export format, valid for applyExport (an empty title falls back to the map's). */
export function versionExport(versionDoc: Y.Doc, mapId: string, fallbackTitle: string): MapExport {
  const raw = toExport(versionDoc, mapId);
  return ZMapExport.parse({ ...raw, title: raw.title.trim() || fallbackTitle.trim() || "—" });
}

/** Saves the current state as a `restore` version and returns the version to restore as an export. */
export async function prepareMapRestore(db: Database, { workspaceId, mapId, versionId, userId }: Ref & { userId: string | null }): Promise<{ version: MapVersionItem; saved: MapVersionItem; data: MapExport }> {
  const { version, doc } = await loadMapVersion(db, { workspaceId, mapId, versionId });
  const current = readMap(await readMapDocument(db, workspaceId, mapId));
  const data = versionExport(doc, mapId, current.title);
  doc.destroy();
  const label = `Before restoring “${version.label}”`.slice(0, 120);
  const saved = await createMapVersion(db, { workspaceId, mapId, label, userId, kind: "restore" });
  return { version, saved, data };
}

/** REST restore: save the current state, then apply the version through the live document as a server edit. */
export async function restoreMapVersion(db: Database, ref: Ref & { userId: string | null }): Promise<{ map: MapData; saved: MapVersionItem; version: MapVersionItem }> {
  const { version, saved, data } = await prepareMapRestore(db, ref);
  const map = await replaceMapContent(db, { workspaceId: ref.workspaceId, mapId: ref.mapId, data, userId: ref.userId });
  return { map, saved, version };
}
