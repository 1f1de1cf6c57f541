// Server-side access to persona and stakeholder documents for route handlers, actions and seeds.
// Through the live sync service when it runs in this process (edits are stored and relayed to
// connected editors at once); otherwise straight from the stored snapshot + update log (tests,
// seeding before the service starts).
import { asc, eq } from "drizzle-orm";
import * as Y from "yjs";
import { getCollabService } from "@/collab/registry";
import type { DbOrTx } from "@/db/client";
import { collabDocuments, collabUpdates } from "@/db/schema";

export type DocumentStore = {
  /** A private copy of the document's current state. */
  read: (docName: string, workspaceId: string) => Promise<Y.Doc>;
  /** Applies an edit and stores it (relayed to live editors when the service runs here). */
  edit: (docName: string, workspaceId: string, edit: (doc: Y.Doc) => void) => Promise<void>;
};

/** Loads a document from its stored snapshot and update log (an empty document when none is stored). */
export async function loadStoredDocument(db: DbOrTx, docName: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const [row] = await db.select({ snapshot: collabDocuments.snapshot }).from(collabDocuments).where(eq(collabDocuments.name, docName)).limit(1);
  if (row?.snapshot && row.snapshot.byteLength > 0) Y.applyUpdate(doc, row.snapshot);
  const updates = await db
    .select({ update: collabUpdates.update })
    .from(collabUpdates)
    .where(eq(collabUpdates.docName, docName))
    .orderBy(asc(collabUpdates.id));
  for (const u of updates) Y.applyUpdate(doc, u.update);
  return doc;
}

/** Stores an edit made outside a live session as one update-log row. */
async function appendStoredEdit(db: DbOrTx, docName: string, workspaceId: string, edit: (doc: Y.Doc) => void): Promise<void> {
  const doc = await loadStoredDocument(db, docName);
  const before = Y.encodeStateVector(doc);
  doc.transact(() => edit(doc));
  const update = Y.encodeStateAsUpdate(doc, before);
  // An empty update is 2 bytes (no structs, empty delete set).
  if (update.byteLength <= 2) return;
  await db.insert(collabDocuments).values({ name: docName, workspaceId }).onConflictDoNothing();
  await db.insert(collabUpdates).values({ docName, update, userId: null });
}

/** The document store for this process. */
export function getDocumentStore(db: DbOrTx): DocumentStore {
  const live = getCollabService();
  if (live) {
    return {
      // getDocumentState already returns a copy.
      read: (docName) => live.getDocumentState(docName),
      edit: async (docName, workspaceId, edit) => {
        await live.applyServerEdit(docName, workspaceId, edit);
      },
    };
  }
  return {
    read: (docName) => loadStoredDocument(db, docName),
    edit: (docName, workspaceId, edit) => appendStoredEdit(db, docName, workspaceId, edit),
  };
}

/** Closes live connections to a document that was deleted (they get 4403), when the service runs here. */
export async function refreshLiveDocument(docName: string): Promise<void> {
  await getCollabService()?.refreshDocument(docName);
}
