// What the app does when a collaborative document changes (relational projections, audit).
// server.ts calls this once the sync service is running; each product area adds its hook here.
import type { Database } from "@/db/client";

export type DocumentChangeSubscriber = {
  onDocumentChanged: (listener: (docName: string, doc: import("yjs").Doc, info?: unknown) => void | Promise<void>) => unknown;
};

export function registerDocumentHooks(collab: DocumentChangeSubscriber, db: Database): void {
  void collab;
  void db;
}
