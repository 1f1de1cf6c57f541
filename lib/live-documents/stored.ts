// Documents straight from their stored snapshot + update log. The default live-documents port when
// no sync service runs anywhere (unit tests, scripts, seeding before the service starts), and the
// storage half of the cross-process implementation.
import { asc, eq } from "drizzle-orm";
import * as Y from "yjs";
import type { DbOrTx } from "@/db/client";
import { collabDocuments, collabUpdates } from "@/db/schema";
import type { LiveDocuments } from "./port";

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

/**
 * Stores an edit made outside a live room as one update-log row. Returns the document after the
 * edit, or null when the edit changed nothing (then nothing is stored).
 */
export async function appendStoredEdit(db: DbOrTx, docName: string, workspaceId: string, edit: (doc: Y.Doc) => void): Promise<Y.Doc | null> {
  const doc = await loadStoredDocument(db, docName);
  const before = Y.encodeStateVector(doc);
  doc.transact(() => edit(doc));
  const update = Y.encodeStateAsUpdate(doc, before);
  // An empty update is 2 bytes (no structs, empty delete set).
  if (update.byteLength <= 2) return null;
  await db.insert(collabDocuments).values({ name: docName, workspaceId }).onConflictDoNothing();
  await db.insert(collabUpdates).values({ docName, update, userId: null });
  return doc;
}

/** No sync service anywhere: read and write the store; there are no connections to tell. */
export function createStoredLiveDocuments(): LiveDocuments {
  return {
    kind: "stored",
    read: (db, docName) => loadStoredDocument(db, docName),
    edit: async (db, docName, workspaceId, edit) => {
      await appendStoredEdit(db, docName, workspaceId, edit);
    },
    documentDeleted: async () => {},
    membershipChanged: async () => {},
    userSessionsEnded: async () => {},
    broadcast: async () => {},
  };
}
