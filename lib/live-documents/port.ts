// The port through which lib/ (and route handlers, actions, seeds) reach live collaborative
// documents, wherever the sync service runs. lib/ owns this interface; the process entry fills it:
//   server.ts with /collab in its process      → collab/live-documents.ts (wraps the sync service)
//   server.ts with COLLAB_IN_PROCESS=0          → ./cross-process.ts (stores, then tells the sync
//                                                 processes over the control channel)
//   collab/standalone.ts                        → collab/live-documents.ts
//   nothing set (unit tests, scripts, seeding before any service starts) → ./stored.ts: no sync
//   service runs anywhere, so the database is the whole truth and no live room exists to tell.
// lib/ never imports collab/: the dependency points from the sync service to lib.
//
// Next.js bundles its own copy of every module, so the implementation set by server.ts lives on
// globalThis (as the database handle does), not in a module variable.
import type * as Y from "yjs";
import type { DbOrTx } from "@/db/client";
import { createStoredLiveDocuments } from "./stored";

/** An app-level message for the clients of one document (JSON, at most 4 KB encoded). */
export type AppMessage = { type: string } & Record<string, unknown>;

export type LiveDocuments = {
  /** Which implementation answers (for logs and /api/health): "in-process", "cross-process" or "stored". */
  readonly kind: "in-process" | "cross-process" | "stored";
  /** A private copy of the document's current state (including what is live but unstored nowhere: nothing is). */
  read(db: DbOrTx, docName: string, workspaceId: string): Promise<Y.Doc>;
  /**
   * Applies `edit` in one transaction, stores it and delivers it to every connected client (on any
   * instance); resolves once stored. `edit` must not throw halfway. The document must be an existing
   * document of `workspaceId` (the in-process and cross-process implementations check, and throw).
   */
  edit(db: DbOrTx, docName: string, workspaceId: string, edit: (doc: Y.Doc) => void): Promise<void>;
  /** The document was deleted (or who may open it changed, e.g. a revoked share link): every open connection is re-checked, refused ones close with 4403. */
  documentDeleted(docName: string): Promise<void>;
  /** A membership changed: that user's connections everywhere follow (closed, read-only, writable). */
  membershipChanged(workspaceId: string, userId: string): Promise<void>;
  /** The user's sessions ended (sign-out everywhere, claimed account): their session sockets everywhere close. */
  userSessionsEnded(userId: string): Promise<void>;
  /** Sends an app message to every client of the document on every instance (best effort, not stored). */
  broadcast(docName: string, message: AppMessage): Promise<void>;
};

const KEY = Symbol.for("journeyboard.live-documents");
const g = globalThis as unknown as { [KEY]?: LiveDocuments };
let fallback: LiveDocuments | undefined;

/** The live documents of this process (see the header for which implementation that is). */
export function getLiveDocuments(): LiveDocuments {
  return g[KEY] ?? (fallback ??= createStoredLiveDocuments());
}

/** Called by the process entry (server.ts, collab/standalone.ts) once; `null` restores the stored default. */
export function setLiveDocuments(impl: LiveDocuments | null): void {
  if (impl) g[KEY] = impl;
  else delete g[KEY];
}

/** Most 4 KB: app messages travel through PostgreSQL NOTIFY (8 KB payload limit) and every socket. */
export const MAX_APP_MESSAGE_BYTES = 4096;
