// Server-side access to map documents through the live-documents port (lib/live-documents/port.ts):
// edits are stored and reach open editors on every instance. The same store the persona and
// stakeholder areas use.
import type { DbOrTx } from "@/db/client";
import { getDocumentStore } from "@/lib/personas/document-store";

import { mapDocName } from "@/lib/live-documents/doc-name";

export { mapDocName };

/** A private copy of the map's document. */
export function readMapDocument(db: DbOrTx, workspaceId: string, mapId: string) {
  return getDocumentStore(db).read(mapDocName(mapId), workspaceId);
}

/** Applies `edit` to the map's document in one transaction and stores it. */
export function editMapDocument(db: DbOrTx, workspaceId: string, mapId: string, edit: (doc: import("yjs").Doc) => void) {
  return getDocumentStore(db).edit(mapDocName(mapId), workspaceId, edit);
}
