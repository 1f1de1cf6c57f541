// Server-side access to collaborative documents (maps, personas, stakeholder maps) for route
// handlers, actions and seeds: a handle bound to a database on the live-documents port
// (lib/live-documents/port.ts), which reaches the sync service wherever it runs.
import type * as Y from "yjs";
import type { DbOrTx } from "@/db/client";
import { getLiveDocuments } from "@/lib/live-documents/port";

export type DocumentStore = {
  /** A private copy of the document's current state. */
  read: (docName: string, workspaceId: string) => Promise<Y.Doc>;
  /** Applies an edit, stores it and delivers it to every connected editor. */
  edit: (docName: string, workspaceId: string, edit: (doc: Y.Doc) => void) => Promise<void>;
};

/** The document store for this process, on `db`. */
export function getDocumentStore(db: DbOrTx): DocumentStore {
  const live = getLiveDocuments();
  return {
    read: (docName, workspaceId) => live.read(db, docName, workspaceId),
    edit: (docName, workspaceId, edit) => live.edit(db, docName, workspaceId, edit),
  };
}

/** Closes open connections to a document that was deleted (they get 4403), on every instance. */
export async function refreshLiveDocument(docName: string): Promise<void> {
  await getLiveDocuments().documentDeleted(docName);
}
