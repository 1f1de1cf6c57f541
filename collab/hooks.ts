// Change notifications for the rest of the app (e.g. the relational projection of maps):
// debounced per document, fired only after the changes are stored, never blocking the sync path.
import type * as Y from "yjs";
import type { Logger } from "./logger";

export type DocumentChangeInfo = {
  workspaceId: string;
  /** Users whose edits are included since the last notification (server edits are not listed). */
  userIds: string[];
  /** Whether a server-side edit (applyServerEdit) is included. */
  serverEdit: boolean;
};

/**
 * Called with the live document: read it synchronously (or copy what you need) — it keeps
 * changing, and it is destroyed when the document is unloaded. Never modify it: use
 * `applyServerEdit`, which stores and relays the change.
 */
export type DocumentChangeListener = (docName: string, doc: Y.Doc, info: DocumentChangeInfo) => void | Promise<void>;

type Pending = { timer: NodeJS.Timeout; firstAt: number; doc: Y.Doc; info: DocumentChangeInfo };

export class ChangeHooks {
  private readonly listeners = new Set<DocumentChangeListener>();
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly options: { debounceMs: number; maxWaitMs: number; logger: Logger }) {}

  on(listener: DocumentChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Records a stored change; listeners hear about it after `debounceMs` of quiet (or `maxWaitMs`). */
  changed(docName: string, doc: Y.Doc, workspaceId: string, userId: string | null): void {
    if (this.listeners.size === 0) return;
    const now = performance.now();
    let p = this.pending.get(docName);
    if (p) {
      clearTimeout(p.timer);
      p.doc = doc;
    }
    else {
      p = { timer: undefined as unknown as NodeJS.Timeout, firstAt: now, doc, info: { workspaceId, userIds: [], serverEdit: false } };
      this.pending.set(docName, p);
    }
    if (userId === null) p.info.serverEdit = true;
    else if (!p.info.userIds.includes(userId)) p.info.userIds.push(userId);
    const wait = Math.max(0, Math.min(this.options.debounceMs, p.firstAt + this.options.maxWaitMs - now));
    p.timer = setTimeout(() => this.fire(docName), wait);
  }

  /** The live document was replaced (rebuilt after a refused update): a pending notification reads the new one. */
  retarget(docName: string, doc: Y.Doc): void {
    const p = this.pending.get(docName);
    if (p) p.doc = doc;
  }

  /** Fires a pending notification now (before the document is unloaded). */
  flush(docName: string): void {
    if (this.pending.has(docName)) this.fire(docName);
  }

  flushAll(): void {
    for (const name of [...this.pending.keys()]) this.fire(name);
  }

  private fire(docName: string): void {
    const p = this.pending.get(docName);
    if (!p) return;
    clearTimeout(p.timer);
    this.pending.delete(docName);
    for (const listener of this.listeners) {
      try {
        const result = listener(docName, p.doc, p.info);
        if (result && typeof (result as Promise<void>).catch === "function") {
          (result as Promise<void>).catch((err) => this.options.logger.error("change_hook_failed", { docName, error: err }));
        }
      } catch (err) {
        this.options.logger.error("change_hook_failed", { docName, error: err });
      }
    }
  }
}
