// Writing a document's initial state outside a live session (creating from a template, seeding,
// duplicating). The sync service loads snapshot + update log, so an initial snapshot is all it needs.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { collabDocuments, collabUpdates } from "../schema";

/** Stores `state` (Y.encodeStateAsUpdate) as the snapshot of a new document `name`. */
export async function insertDocumentSnapshot(db: DbOrTx, name: string, workspaceId: string, state: Uint8Array): Promise<void> {
  await db.insert(collabDocuments).values({ name, workspaceId, snapshot: state, snapshotSeq: 0, snapshotBytes: state.byteLength });
}

/** Removes a document and its update log (hard delete after the restore window). */
export async function deleteDocument(db: DbOrTx, name: string): Promise<void> {
  await db.delete(collabUpdates).where(eq(collabUpdates.docName, name));
  await db.delete(collabDocuments).where(eq(collabDocuments.name, name));
}
