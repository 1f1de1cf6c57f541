// Limits that keep one client (or one document) from hurting the process, and the token bucket
// that enforces message rates. Defaults are generous for humans and tight for floods; tests
// override them through `startCollabService({ limits })`.

export type CollabLimits = {
  /** Largest WebSocket frame accepted; bigger frames close the connection with 1009. */
  maxMessageBytes: number;
  /** Largest document (approximate encoded size); an update that would exceed it closes with 4413. */
  maxDocumentBytes: number;
  /** Open connections per user across all documents of this process. */
  maxConnectionsPerUser: number;
  /**
   * Open connections per document in this process (env COLLAB_MAX_CONNECTIONS_PER_DOCUMENT). The
   * default admits a workshop crowd of 450 (150 editors + 300 viewers) on one map in one process.
   */
  maxConnectionsPerDocument: number;
  /**
   * Any messages per connection: a flood guard (close 4429). High on purpose: stock clients echo
   * every awareness change they receive, so a client in a busy room sends many messages.
   */
  messageBurst: number;
  messagesPerSecond: number;
  /** Document-changing messages (sync step 2 / update) per connection: burst size and refill per second. */
  updateBurst: number;
  updatesPerSecond: number;
  /** Awareness messages per connection: burst size and refill per second. Excess is dropped. */
  awarenessBurst: number;
  awarenessPerSecond: number;
  /** Awareness messages dropped on one connection before it is closed with 4429. */
  maxDroppedAwareness: number;
  /** Awareness client ids one connection may control (a browser tab has one). */
  maxAwarenessClientsPerConnection: number;
  /** Bytes queued for sending to one slow client before it is disconnected (1013). */
  maxBufferedBytes: number;
  /**
   * Upgrades authorised and loaded at once (env COLLAB_MAX_CONCURRENT_UPGRADES); the rest wait in
   * arrival order (collab/admission.ts). About twice the database pool: enough to keep it busy.
   */
  maxConcurrentUpgrades: number;
  /** Upgrades allowed to wait; beyond this a request is refused at once (1013, the client retries). */
  maxQueuedUpgrades: number;
};

export const DEFAULT_LIMITS: CollabLimits = {
  maxMessageBytes: 1024 * 1024,
  maxDocumentBytes: 16 * 1024 * 1024,
  maxConnectionsPerUser: 20,
  maxConnectionsPerDocument: 500,
  messageBurst: 4000,
  messagesPerSecond: 2000,
  // Dragging a card can emit an update per animation frame; 100/s sustained is beyond any human.
  updateBurst: 300,
  updatesPerSecond: 100,
  awarenessBurst: 60,
  awarenessPerSecond: 30,
  maxDroppedAwareness: 1000,
  maxAwarenessClientsPerConnection: 4,
  maxBufferedBytes: 16 * 1024 * 1024,
  maxConcurrentUpgrades: 20,
  maxQueuedUpgrades: 20_000,
};

export type CollabTimings = {
  /**
   * Window in which appended updates are collected into one INSERT (group commit). 0 = the current
   * event-loop turn; in any case everything arriving while a commit is in flight forms the next batch.
   */
  groupCommitMs: number;
  /**
   * Group commits running at once on PostgreSQL (pipelining over pooled connections). PGlite has
   * a single connection, so there it is always 1.
   */
  commitsInFlight: number;
  /** A group commit not settled after this long is tried again (PostgreSQL; 0 = wait forever). */
  commitTimeoutMs: number;
  /** A document without connections is flushed and unloaded after this long. */
  idleUnloadMs: number;
  /**
   * A live document (one with connections) keeps its Y.Doc only this long after its last change;
   * then it holds just the encoded state (~1/12 of the memory) until the next write.
   */
  docIdleMs: number;
  /** Change hooks fire this long after the last change of a burst. */
  hookDebounceMs: number;
  /** …but at least this often while a document keeps changing. */
  hookMaxWaitMs: number;
  /** How often open connections re-check membership, role, token and document (for out-of-process changes). */
  accessRecheckMs: number;
  /** WebSocket ping interval; a connection that misses a pong is terminated. */
  pingIntervalMs: number;
  /** Compact the log into the snapshot once this many updates… */
  compactAfterUpdates: number;
  /** …or this many bytes have been appended since the last snapshot. */
  compactAfterBytes: number;
  /** Time allowed for authentication and loading (once admitted) before an upgrade is abandoned. */
  upgradeTimeoutMs: number;
  /** Longest wait for admission; then the request is refused with 1013 and the client retries. */
  admissionWaitMs: number;
};

export const DEFAULT_TIMINGS: CollabTimings = {
  groupCommitMs: 0,
  commitsInFlight: 4,
  commitTimeoutMs: 10_000,
  idleUnloadMs: 10_000,
  docIdleMs: 5_000,
  hookDebounceMs: 500,
  hookMaxWaitMs: 5_000,
  accessRecheckMs: 30_000,
  pingIntervalMs: 30_000,
  compactAfterUpdates: 500,
  compactAfterBytes: 1024 * 1024,
  upgradeTimeoutMs: 15_000,
  admissionWaitMs: 30_000,
};

/** A classic token bucket: `take()` succeeds while tokens remain; tokens refill continuously. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly refillPerSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  take(count = 1): boolean {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.refillPerSecond);
    this.last = now;
    if (this.tokens < count) return false;
    this.tokens -= count;
    return true;
  }
}
