// Live documents ("rooms"): one Y.Doc + awareness per document, its connections, and its
// lifecycle — shared loading, store-before-relay, compaction, idle unload, failure reset.
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { CloseCode, type CloseCodeValue } from "./close-codes";
import { Connection } from "./connection";
import type { DocRef } from "@/lib/live-documents/doc-name";
import type { FanOut } from "./fan-out-redis";
import type { ChangeHooks } from "./hooks";
import type { CollabLimits, CollabTimings } from "./limits";
import type { Logger } from "./logger";
import type { Metrics } from "./metrics";
import type { UpdateStore } from "./persistence";
import { encodeAwareness, encodeSyncUpdate } from "./protocol";

/** Transaction origin of server-side edits (applyServerEdit). */
export const SERVER_ORIGIN = Object.freeze({ kind: "server" as const });
/** Transaction origin of updates that another instance already stored (Redis fan-out, catch-up). */
export const REMOTE_ORIGIN = Object.freeze({ kind: "remote" as const });

export type RegistryDeps = {
  store: UpdateStore;
  hooks: ChangeHooks;
  metrics: Metrics;
  logger: Logger;
  limits: CollabLimits;
  timings: CollabTimings;
  fanOut: FanOut | null;
};

/** Thrown when a caller names a document with a workspace it does not belong to. */
export class WorkspaceMismatchError extends Error {}

export class Room {
  /**
   * The live Y.Doc, only while the document is being written to. A 1,000-touchpoint map costs
   * ~7.6 MiB as a Y.Doc but ~0.6 MiB encoded, so between bursts of writes the room holds only the
   * encoded state (`base`) and answers sync requests from it (Y.diffUpdate); the first write (or
   * server edit, or fan-out update) materialises the doc again, and `docIdleMs` after the last
   * change it is encoded and dropped (docs/collab-protocol.md, "Memory").
   */
  private _doc: Y.Doc | null = null;
  /** Encoded state the live doc was built from (or, when not live, the whole state). */
  private base: Uint8Array;
  /**
   * Updates applied to the live doc since `base`, in order: base + since = the live doc. A client
   * update that fails to integrate (or leaves structs waiting for changes the server lacks) is
   * applied to the live doc in a try; on failure the doc is rebuilt synchronously from base +
   * since — no second Y.Doc ("probe") is held, and no one but the sender notices.
   */
  private since: SinceEntry[] = [];
  private sinceBytes = 0;
  private baseVector: { base: Uint8Array; vector: Uint8Array } | null = null;
  /** Set while a client update is tried on the live doc: its doc update is captured, not recorded. */
  private trying = false;
  private tried: Uint8Array | null = null;
  private readonly gc: boolean;
  private readonly clientId: number;
  private lastChangeAt = 0;
  private docTimer: NodeJS.Timeout | null = null;
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<Connection>();
  /** Which open connection controls each awareness client id (refuses impersonation). */
  readonly awarenessOwner = new Map<number, Connection>();
  /** Approximate encoded size (snapshot + updates since), for the document size limit. */
  approxBytes: number;
  /** Log rows (and bytes) not yet merged into the snapshot, as far as this instance knows. */
  tailCount: number;
  tailBytes: number;
  /** Callers holding the room loaded (upgrades in progress, server edits). */
  pins = 0;
  idleTimer: NodeJS.Timeout | null = null;
  private closed = false;
  private compacting: Promise<void> | null = null;
  /** Resolves when every write accepted so far is stored (never rejects). */
  private barrier: Promise<void> = Promise.resolve();
  /**
   * Writes applied to the live doc but not stored yet (client updates and server edits are both
   * applied first, stored, then relayed). While any is unstored, sync answers and state reads wait.
   */
  private unstored = 0;
  private lastUnstored: Promise<void> = Promise.resolve();
  /** The most recent server edit's storage (rejects if it failed): applyServerEdit awaits it. */
  lastServerEdit: Promise<void> = Promise.resolve();

  constructor(
    readonly name: string,
    readonly workspaceId: string,
    doc: Y.Doc,
    loaded: { tailCount: number; tailBytes: number },
    private readonly registry: DocumentRegistry,
    private readonly deps: RegistryDeps,
  ) {
    this.tailCount = loaded.tailCount;
    this.tailBytes = loaded.tailBytes;
    this.gc = doc.gc;
    this.clientId = doc.clientID;
    this.base = Y.encodeStateAsUpdate(doc);
    this.approxBytes = this.base.byteLength;
    doc.destroy();
    // Presence lives on a tiny document of its own, so the content doc can come and go.
    this.awareness = new awarenessProtocol.Awareness(new Y.Doc());
    // The server is not a participant: it must not announce a presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on("update", (changes: AwarenessChanges, origin: unknown) => this.onAwarenessUpdate(changes, origin));
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** The live document (materialised from the encoded state if needed). */
  get doc(): Y.Doc {
    return this._doc ?? this.materialise();
  }

  /** Whether a live Y.Doc is held right now. */
  get isLive(): boolean {
    return this._doc !== null;
  }

  private materialise(): Y.Doc {
    const doc = new Y.Doc({ gc: this.gc });
    // The same client id every time: the server's own edits continue its clock in the stored state.
    doc.clientID = this.clientId;
    Y.applyUpdate(doc, this.base, REMOTE_ORIGIN);
    for (const entry of this.since) Y.applyUpdate(doc, entry.update, REMOTE_ORIGIN);
    doc.on("update", (update: Uint8Array, origin: unknown, source: Y.Doc) => this.onDocUpdate(update, origin, source));
    this._doc = doc;
    this.lastChangeAt = performance.now();
    const idleMs = this.deps.timings.docIdleMs;
    if (!this.docTimer && idleMs > 0 && Number.isFinite(idleMs)) {
      this.docTimer = setInterval(() => this.maybeDehydrate(), Math.max(10, idleMs / 2));
      this.docTimer.unref();
    }
    this.deps.metrics.counters.materialised++;
    return doc;
  }

  /** Drops the live doc after `docIdleMs` without changes, keeping only its encoding. */
  private maybeDehydrate(): void {
    if (!this._doc || this.closed) return this.stopDocTimer();
    if (this.trying || this.unstored > 0 || this.pins > 0) return;
    if (performance.now() - this.lastChangeAt < this.deps.timings.docIdleMs) return;
    this.dehydrate();
  }

  /** Encodes the live doc into `base` and drops it (projection hooks hear about it first). */
  dehydrate(): void {
    const doc = this._doc;
    if (!doc || this.trying || this.unstored > 0) return;
    this.deps.hooks.flush(this.name);
    this.base = Y.encodeStateAsUpdate(doc);
    this.since = [];
    this.sinceBytes = 0;
    this._doc = null;
    doc.destroy();
    this.stopDocTimer();
  }

  private stopDocTimer(): void {
    if (this.docTimer) clearInterval(this.docTimer);
    this.docTimer = null;
  }

  /** State vector of the document (for sync step 1). */
  encodeStateVector(): Uint8Array {
    if (this._doc) return Y.encodeStateVector(this._doc);
    // Every connection starts with it: parse the encoding once per base, not once per connection.
    if (this.baseVector?.base !== this.base) this.baseVector = { base: this.base, vector: Y.encodeStateVectorFromUpdate(this.base) };
    return this.baseVector.vector;
  }

  /**
   * What a peer with this state vector lacks (sync step 2) — of the stored state only: while the
   * live doc holds unstored writes, the answer is built from base + the stored updates since.
   */
  encodeDiff(stateVector?: Uint8Array): Uint8Array {
    if (this._doc && this.unstored === 0) return Y.encodeStateAsUpdate(this._doc, stateVector);
    let state = this.base;
    if (this._doc) {
      const stored = this.since.filter((e) => e.stored).map((e) => e.update);
      if (stored.length > 0) state = Y.mergeUpdates([this.base, ...stored]);
    }
    // A new client (empty state vector) gets the whole state as it is.
    return stateVector && !(stateVector.byteLength === 1 && stateVector[0] === 0) ? Y.diffUpdate(state, stateVector) : state;
  }

  /** Resolves once every write accepted so far is stored: acknowledgements wait for it. */
  whenStored(): Promise<void> {
    return this.barrier;
  }

  /** Resolves when the live document holds nothing unstored, i.e. it may be shown to a client. */
  async whenShowable(): Promise<void> {
    while (this.unstored > 0 && !this.closed) await this.lastUnstored;
  }

  /** Whether the live document holds an unstored write right now. */
  get hasUnstoredWrites(): boolean {
    return this.unstored > 0;
  }

  /**
   * Takes a validated client update: applies it to the live document in a try (nothing is relayed
   * yet), stores it, then relays it. Everything any client or instance is sent is stored; sync
   * answers wait while the live doc holds unstored writes (whenShowable).
   */
  acceptClientUpdate(update: Uint8Array, sender: Connection): "accepted" | "refused" | "incomplete" {
    const doc = this.doc;
    const hadPending = hasPending(doc);
    let error: unknown = null;
    this.trying = true;
    this.tried = null;
    try {
      Y.applyUpdate(doc, update, sender);
    } catch (err) {
      error = err ?? new Error("update failed to apply");
    } finally {
      this.trying = false;
    }
    if (error !== null || (!hadPending && hasPending(doc))) {
      // It does not integrate (a hostile struct), or it depends on changes the server lacks (kept,
      // such structs would wait in the document and be integrated by whichever later update
      // completes them — failing an innocent editor's update). The live doc may hold part of it:
      // rebuilt from base + since (which never contained it). Nothing was stored or relayed; only
      // the sender goes (an incomplete one reconnects and resyncs).
      if (error !== null) this.deps.logger.warn("update_refused", { doc: this.name, user: sender.userId, bytes: update.byteLength, error });
      else this.deps.logger.info("update_incomplete", { doc: this.name, user: sender.userId, bytes: update.byteLength });
      this.rebuild();
      return error !== null ? "refused" : "incomplete";
    }
    const entry = this.tried ? this.record(this.tried, false) : null;
    this.tried = null;
    this.approxBytes += update.byteLength;
    this.unstored++;
    const appended = this.append(update, sender.userId);
    const settled = appended.then(
      () => {
        if (entry) entry.stored = true;
        this.unstored--;
        if (!this.closed) this.relay(update, sender, sender.userId);
      },
      () => {
        this.unstored--;
      },
    );
    this.lastUnstored = settled;
    this.barrier = this.barrier.then(() => settled);
    return "accepted";
  }

  /** Throws the live doc away and builds it again from base + since (after a refused update). */
  private rebuild(): void {
    const old = this._doc;
    this._doc = null;
    old?.destroy();
    const doc = this.materialise();
    this.deps.hooks.retarget(this.name, doc);
  }

  /**
   * Notes an update now in the live doc; folds the list into `base` when it grows (only while
   * everything in it is stored: `base` never holds an unstored write).
   */
  private record(update: Uint8Array, stored: boolean): SinceEntry {
    this.lastChangeAt = performance.now();
    const entry = { update, stored };
    if (this._doc && stored && (this.since.length >= 512 || this.sinceBytes > Math.max(256 * 1024, this.base.byteLength)) && this.unstored === 0) {
      this.base = Y.encodeStateAsUpdate(this._doc);
      this.since = [];
      this.sinceBytes = 0;
      return entry;
    }
    this.since.push(entry);
    this.sinceBytes += update.byteLength;
    return entry;
  }

  /** Stores and counts an update; a storage failure resets the room (clients reconnect and resync). */
  private append(update: Uint8Array, userId: string | null): Promise<void> {
    const appended = this.deps.store.append({ docName: this.name, workspaceId: this.workspaceId, update, userId });
    appended.then(
      () => {
        this.tailCount++;
        this.tailBytes += update.byteLength;
        const { compactAfterUpdates, compactAfterBytes } = this.deps.timings;
        if (!this.closed && (this.tailCount >= compactAfterUpdates || this.tailBytes >= compactAfterBytes)) void this.compact();
      },
      (err) => this.reset("storing an update failed", err),
    );
    return appended;
  }

  /** Applies an update another instance stored (relayed locally, not stored again). */
  applyRemoteUpdate(update: Uint8Array): void {
    if (this.closed) return;
    // An empty update (a catch-up that found nothing new) must not materialise the doc.
    if (update.byteLength === 2 && update[0] === 0 && update[1] === 0) return;
    try {
      Y.applyUpdate(this.doc, update, REMOTE_ORIGIN);
    } catch (err) {
      this.deps.logger.error("remote_update_failed", { doc: this.name, error: err });
    }
  }

  applyRemoteAwareness(update: Uint8Array): void {
    if (this.closed) return;
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN);
    } catch (err) {
      this.deps.logger.error("remote_awareness_failed", { doc: this.name, error: err });
    }
  }

  /** Sends an app message (type 101) to every connection running our client. */
  broadcastApp(message: Uint8Array): void {
    for (const conn of this.connections) if (conn.wantsAppMessages) conn.send(message);
  }

  broadcast(message: Uint8Array, except?: Connection | null): void {
    for (const conn of this.connections) if (conn !== except) conn.send(message);
  }

  /** Drops the live state and makes everyone reconnect to a fresh load (after a failure). */
  reset(reason: string, error?: unknown): void {
    this.registry.failRoom(this, reason, error);
  }

  pin(): void {
    this.pins++;
    this.registry.cancelIdle(this);
  }

  unpin(): void {
    this.pins = Math.max(0, this.pins - 1);
    this.registry.scheduleIdle(this);
  }

  /** Merges the stored log into the snapshot (at most one compaction at a time per room). */
  compact(): Promise<void> {
    this.compacting ??= (async () => {
      try {
        const result = await this.deps.store.compact(this.name);
        if (result) {
          this.tailCount = Math.max(0, this.tailCount - result.merged);
          this.tailBytes = Math.max(0, this.tailBytes - result.mergedBytes);
          this.approxBytes = result.snapshotBytes + this.tailBytes;
        }
      } catch (err) {
        this.deps.logger.error("compaction_failed", { doc: this.name, error: err });
      } finally {
        this.compacting = null;
      }
    })();
    return this.compacting;
  }

  /** @internal called by the registry when the room is unloaded or failed. */
  destroy(): void {
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.stopDocTimer();
    this.awareness.destroy();
    this.awareness.doc.destroy();
    this._doc?.destroy();
    this._doc = null;
  }

  private onDocUpdate(update: Uint8Array, origin: unknown, source: Y.Doc): void {
    if (this.closed || source !== this._doc) return;
    if (this.trying) {
      // A client update being tried: recorded (and stored, relayed) only if it applies cleanly.
      this.tried = update;
      return;
    }
    if (origin === SERVER_ORIGIN) return this.storeServerEdit(update, this.record(update, false));
    this.record(update, true);
    // Stored by the instance that accepted it (fan-out, catch-up): relayed here, not published again.
    this.approxBytes += update.byteLength;
    this.broadcast(encodeSyncUpdate(update));
  }

  /** A server edit was applied to the live document: store it, then relay it. */
  private storeServerEdit(update: Uint8Array, entry: SinceEntry): void {
    this.approxBytes += update.byteLength;
    this.unstored++;
    const appended = this.append(update, null);
    const settled = appended.then(
      () => {
        entry.stored = true;
        this.unstored--;
        if (!this.closed) this.relay(update, null, null);
      },
      () => {
        this.unstored--;
      },
    );
    this.lastUnstored = settled;
    this.lastServerEdit = appended;
    this.barrier = this.barrier.then(() => settled);
  }

  private relay(update: Uint8Array, sender: Connection | null, userId: string | null): void {
    this.broadcast(encodeSyncUpdate(update), sender);
    this.deps.fanOut?.publishUpdate(this.name, update);
    this.deps.hooks.changed(this.name, this.doc, this.workspaceId, userId);
  }

  private onAwarenessUpdate({ added, updated, removed }: AwarenessChanges, origin: unknown): void {
    if (this.closed) return;
    const sender = origin instanceof Connection ? origin : null;
    if (sender) {
      for (const id of added.concat(updated)) {
        sender.awarenessIds.add(id);
        this.awarenessOwner.set(id, sender);
      }
    }
    for (const id of removed) {
      this.awarenessOwner.get(id)?.awarenessIds.delete(id);
      this.awarenessOwner.delete(id);
    }
    const changed = added.concat(updated, removed);
    if (changed.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    this.deps.metrics.counters.awareness++;
    this.broadcast(encodeAwareness(update), sender);
    if (origin !== REMOTE_ORIGIN) this.deps.fanOut?.publishAwareness(this.name, update);
  }
}

/** Whether a document holds structs or deletions waiting for changes it has not seen. */
function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

/** An update in the live doc since `base`; `stored` once it is in the database (or came stored). */
type SinceEntry = { update: Uint8Array; stored: boolean };

type AwarenessChanges = { added: number[]; updated: number[]; removed: number[] };

export class DocumentRegistry {
  readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  /** Fan-out messages for documents being loaded: applied once the load is done. */
  private readonly remoteQueue = new Map<string, { kind: "update" | "awareness"; data: Uint8Array }[]>();
  /** Open (and reserved) connections per user, for the per-user limit. */
  private readonly userConnections = new Map<string, number>();
  /** Open connections per user, for access re-checks (a user's slots count reservations too; this does not). */
  private readonly connectionsByUser = new Map<string, Set<Connection>>();
  private closing = false;

  constructor(private readonly deps: RegistryDeps) {}

  /**
   * The live room of a document, loading it if needed (concurrent callers share one load), pinned
   * until the caller unpins it. Throws WorkspaceMismatchError when the room belongs elsewhere.
   */
  async acquire(doc: DocRef, workspaceId: string): Promise<Room> {
    for (;;) {
      if (this.closing) throw new Error("collab service is closing");
      const live = this.rooms.get(doc.name);
      if (live && !live.isClosed) {
        if (live.workspaceId !== workspaceId) throw new WorkspaceMismatchError(`${doc.name} is not in workspace ${workspaceId}`);
        live.pin();
        return live;
      }
      let loading = this.loading.get(doc.name);
      if (!loading) {
        loading = this.load(doc, workspaceId);
        this.loading.set(doc.name, loading);
        const clear = () => this.loading.delete(doc.name);
        loading.then(clear, clear);
      }
      const room = await loading;
      // A room may fail between its load and this caller resuming: then load again.
      if (room.isClosed) continue;
      if (room.workspaceId !== workspaceId) throw new WorkspaceMismatchError(`${doc.name} is not in workspace ${workspaceId}`);
      room.pin();
      return room;
    }
  }

  private async load(doc: DocRef, workspaceId: string): Promise<Room> {
    const { fanOut, store, metrics, logger } = this.deps;
    const started = performance.now();
    // Subscribe before reading, so nothing another instance stores in between is missed.
    if (fanOut) {
      this.remoteQueue.set(doc.name, []);
      await fanOut.subscribe(doc.name);
    }
    let loaded;
    try {
      loaded = await store.load(doc.name);
    } catch (err) {
      this.remoteQueue.delete(doc.name);
      if (fanOut && !this.rooms.has(doc.name)) void fanOut.unsubscribe(doc.name);
      throw err;
    }
    const room = new Room(doc.name, workspaceId, loaded.doc, loaded, this, this.deps);
    this.rooms.set(doc.name, room);
    for (const msg of this.remoteQueue.get(doc.name) ?? []) {
      if (msg.kind === "update") room.applyRemoteUpdate(msg.data);
      else room.applyRemoteAwareness(msg.data);
    }
    this.remoteQueue.delete(doc.name);
    metrics.counters.loads++;
    logger.debug("document_loaded", { doc: doc.name, ms: Math.round(performance.now() - started), tail: loaded.tailCount, skipped: loaded.skipped });
    return room;
  }

  /** Connections open on a document in this process. */
  connectionCount(docName: string): number {
    return this.rooms.get(docName)?.connections.size ?? 0;
  }

  get connectionTotal(): number {
    let n = 0;
    for (const room of this.rooms.values()) n += room.connections.size;
    return n;
  }

  /** Takes one of the user's connection slots; false when the user is at the limit. */
  reserveUserSlot(userId: string): boolean {
    const n = this.userConnections.get(userId) ?? 0;
    if (n >= this.deps.limits.maxConnectionsPerUser) return false;
    this.userConnections.set(userId, n + 1);
    return true;
  }

  releaseUserSlot(userId: string): void {
    const n = (this.userConnections.get(userId) ?? 1) - 1;
    if (n <= 0) this.userConnections.delete(userId);
    else this.userConnections.set(userId, n);
  }

  attach(room: Room, conn: Connection): void {
    room.connections.add(conn);
    let mine = this.connectionsByUser.get(conn.userId);
    if (!mine) this.connectionsByUser.set(conn.userId, (mine = new Set()));
    mine.add(conn);
    this.cancelIdle(room);
  }

  /** Forgets a closed connection: its presence goes, its user slot frees, an empty room starts its idle timer. */
  detach(conn: Connection): void {
    const room = conn.room;
    if (!room.connections.delete(conn)) return;
    const mine = this.connectionsByUser.get(conn.userId);
    mine?.delete(conn);
    if (mine?.size === 0) this.connectionsByUser.delete(conn.userId);
    this.releaseUserSlot(conn.userId);
    if (conn.awarenessIds.size > 0 && !room.isClosed) {
      awarenessProtocol.removeAwarenessStates(room.awareness, [...conn.awarenessIds], conn);
    }
    this.scheduleIdle(room);
  }

  /** Open connections, optionally only those of one user (in one workspace). */
  *connections(filter: { userId?: string; workspaceId?: string } = {}): Iterable<Connection> {
    if (filter.userId) {
      // By the user's own index: the periodic access pass asks this for every user, and scanning
      // every connection each time was O(users × connections) — 5 million steps, a ~0.5 s stall,
      // with 10,000 connections of 500 users.
      for (const conn of this.connectionsByUser.get(filter.userId) ?? []) {
        if (!filter.workspaceId || conn.room.workspaceId === filter.workspaceId) yield conn;
      }
      return;
    }
    for (const room of this.rooms.values()) {
      if (filter.workspaceId && room.workspaceId !== filter.workspaceId) continue;
      for (const conn of room.connections) {
        if (!filter.userId || conn.userId === filter.userId) yield conn;
      }
    }
  }

  cancelIdle(room: Room): void {
    if (room.idleTimer) {
      clearTimeout(room.idleTimer);
      room.idleTimer = null;
    }
  }

  scheduleIdle(room: Room): void {
    if (room.isClosed || room.connections.size > 0 || room.pins > 0 || room.idleTimer || this.closing) return;
    room.idleTimer = setTimeout(() => {
      room.idleTimer = null;
      void this.unload(room);
    }, this.deps.timings.idleUnloadMs);
    room.idleTimer.unref();
  }

  /** Flushes an idle room (store, hooks, compaction) and drops it — unless someone came back meanwhile. */
  async unload(room: Room): Promise<void> {
    const idle = () => !room.isClosed && room.connections.size === 0 && room.pins === 0;
    if (!idle()) return;
    await room.whenStored();
    this.deps.hooks.flush(room.name);
    if (room.tailCount > 0) await room.compact();
    // Everything after the awaits is synchronous: no one can join between this check and the removal.
    if (!idle() || this.rooms.get(room.name) !== room) return;
    this.remove(room);
    this.deps.metrics.counters.unloads++;
    this.deps.logger.debug("document_unloaded", { doc: room.name });
  }

  /** Throws the live state of a room away after a failure; clients reconnect to a fresh load. */
  failRoom(room: Room, reason: string, error?: unknown): void {
    if (room.isClosed) return;
    this.deps.logger.error("document_reset", { doc: room.name, reason, error });
    this.remove(room);
    for (const conn of [...room.connections]) conn.close(CloseCode.internalError, reason.slice(0, 100));
  }

  /** Closes one document's connections with a code (e.g. it was deleted) and unloads it. */
  closeDocument(docName: string, code: CloseCodeValue, reason: string): void {
    const room = this.rooms.get(docName);
    if (!room) return;
    for (const conn of [...room.connections]) conn.close(code, reason);
  }

  /** Re-reads every live document from the store (after a fan-out outage: updates may have been missed). */
  async catchUp(): Promise<void> {
    for (const room of [...this.rooms.values()]) {
      try {
        const loaded = await this.deps.store.load(room.name);
        room.applyRemoteUpdate(Y.encodeStateAsUpdate(loaded.doc, room.encodeStateVector()));
        loaded.doc.destroy();
      } catch (err) {
        this.deps.logger.error("catch_up_failed", { doc: room.name, error: err });
      }
    }
  }

  /** Another process stored an edit of this document: re-read it and relay the difference (if live here). */
  async catchUpDocument(docName: string): Promise<void> {
    const room = this.rooms.get(docName);
    if (!room || room.isClosed) return;
    const loaded = await this.deps.store.load(room.name);
    // The other process's row counts towards this room's compaction too.
    room.tailCount = Math.max(room.tailCount, loaded.tailCount);
    try {
      room.applyRemoteUpdate(Y.encodeStateAsUpdate(loaded.doc, room.encodeStateVector()));
    } finally {
      loaded.doc.destroy();
    }
  }

  /** Sends a message to the connections of a document in this process. */
  broadcastLocal(docName: string, message: Uint8Array): void {
    const room = this.rooms.get(docName);
    if (room && !room.isClosed) room.broadcastApp(message);
  }

  onRemote(docName: string, kind: "update" | "awareness", data: Uint8Array): void {
    const room = this.rooms.get(docName);
    if (room) {
      if (kind === "update") room.applyRemoteUpdate(data);
      else room.applyRemoteAwareness(data);
      return;
    }
    this.remoteQueue.get(docName)?.push({ kind, data });
  }

  /** Shutdown: close every connection (1001, clients reconnect elsewhere), fire hooks, store everything. */
  async close(): Promise<void> {
    this.closing = true;
    for (const room of this.rooms.values()) {
      for (const conn of [...room.connections]) conn.close(CloseCode.goingAway, "server shutting down");
    }
    await Promise.allSettled([...this.loading.values()]);
    await Promise.all([...this.rooms.values()].map((r) => r.whenStored()));
    this.deps.hooks.flushAll();
    for (const room of [...this.rooms.values()]) this.remove(room);
  }

  private remove(room: Room): void {
    if (this.rooms.get(room.name) === room) {
      this.rooms.delete(room.name);
      this.deps.store.forget(room.name);
      if (this.deps.fanOut && !this.loading.has(room.name)) void this.deps.fanOut.unsubscribe(room.name);
    }
    room.destroy();
  }
}
