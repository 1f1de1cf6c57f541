// The live-documents port of an app process whose sync service runs elsewhere (COLLAB_IN_PROCESS=0):
// edits are stored here (one update-log row, the same as a client's), then every sync service is
// told over the control channel to re-read the document and relay the difference to its clients.
// Deletes and membership changes travel the same way. The projection (lists, search, dashboards)
// of such an edit runs here, through the change listeners registered by lib/document-hooks.ts:
// a sync service relays what another process stored but projects only what it stored itself.
import type * as Y from "yjs";
import type { DbOrTx } from "@/db/client";
import { AppError } from "@/lib/errors";
import type { ControlChannel } from "./control-channel";
import { parseDocName } from "./doc-name";
import { MAX_APP_MESSAGE_BYTES, type LiveDocuments } from "./port";
import { resolveDocumentWorkspace } from "./resolve-document-workspace";
import { appendStoredEdit, loadStoredDocument } from "./stored";

export type ChangeListener = (docName: string, doc: Y.Doc, info: { workspaceId: string; userIds: string[]; serverEdit: boolean }) => void | Promise<void>;

export type CrossProcessLiveDocuments = LiveDocuments & {
  /** The same subscription the sync service offers (lib/document-hooks.ts registers the projections). */
  onDocumentChanged(listener: ChangeListener): () => void;
};

export function createCrossProcessLiveDocuments(channel: ControlChannel, log: (event: string, fields: Record<string, unknown>) => void = console.error): CrossProcessLiveDocuments {
  const listeners = new Set<ChangeListener>();
  return {
    kind: "cross-process",
    read: (db, docName) => loadStoredDocument(db, docName),
    async edit(db: DbOrTx, docName, workspaceId, edit) {
      const ref = parseDocName(docName);
      if (!ref) throw new Error(`live documents: not a document name: ${docName}`);
      // As the in-process service does: never create state for a document of another workspace.
      if ((await resolveDocumentWorkspace(db, ref)) !== workspaceId) throw new AppError("not_found");
      const doc = await appendStoredEdit(db, ref.name, workspaceId, edit);
      if (!doc) return;
      await channel.publish({ type: "document-stored", docName: ref.name }, db);
      for (const listener of listeners) {
        try {
          await listener(ref.name, doc, { workspaceId, userIds: [], serverEdit: true });
        } catch (err) {
          // The edit is stored and relayed; the projection catches up on the next change.
          log("live-documents: change listener failed", { docName: ref.name, error: String(err) });
        }
      }
    },
    async documentDeleted(docName) {
      await channel.publish({ type: "refresh-document", docName });
    },
    async membershipChanged(workspaceId, userId) {
      await channel.publish({ type: "refresh-member", workspaceId, userId });
    },
    async userSessionsEnded(userId) {
      await channel.publish({ type: "refresh-user-sessions", userId });
    },
    async broadcast(docName, message) {
      if (Buffer.byteLength(JSON.stringify(message)) > MAX_APP_MESSAGE_BYTES) throw new Error("live documents: app message too large");
      await channel.publish({ type: "app-message", docName, message });
    },
    onDocumentChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
