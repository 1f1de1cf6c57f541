// Counters and store-latency percentiles for `collab.stats()` and GET /api/health.

export type CollabCounters = {
  /** Connections accepted since start. */
  connections: number;
  /** Upgrades refused (origin, credentials, access, limits, not admitted). */
  rejectedUpgrades: number;
  /** Upgrades refused before any work: the admission queue was full, or they waited too long. */
  upgradesNotAdmitted: number;
  /** Document updates stored (from clients and server edits). */
  updates: number;
  /** Bytes of stored updates. */
  bytes: number;
  /** Awareness messages relayed. */
  awareness: number;
  /** Messages dropped: viewer writes, awareness over the rate limit, spoofed awareness. */
  droppedMessages: number;
  /** Connections closed for malformed, oversized or flooding input. */
  protocolErrors: number;
  /** Group commits (INSERT statements) of the update log. */
  storeBatches: number;
  /** Failed group commits. */
  storeErrors: number;
  /** Snapshots written by compaction. */
  compactions: number;
  /** Documents loaded from the database / unloaded when idle. */
  loads: number;
  unloads: number;
  /** Live Y.Docs built from the encoded state (first write after a quiet spell, or a rebuild). */
  materialised: number;
  /** Stored updates skipped while loading because they could not be decoded. */
  corruptUpdatesSkipped: number;
};

export type CollabStats = {
  /** Documents loaded in this process. */
  documents: number;
  /** Open WebSocket connections. */
  connections: number;
  counters: CollabCounters;
  /** Upgrades being decided now, waiting for admission, and the most that ever waited at once. */
  upgrades: { running: number; queued: number; peakQueued: number };
  /** Time from an update's arrival in the store queue to its commit (ms, last 2,048 commits). */
  storeLatencyMs: { p50: number | null; p95: number | null; samples: number };
};

const RESERVOIR = 2048;

export class Metrics {
  readonly counters: CollabCounters = {
    connections: 0, rejectedUpgrades: 0, upgradesNotAdmitted: 0, updates: 0, bytes: 0, awareness: 0, droppedMessages: 0,
    protocolErrors: 0, storeBatches: 0, storeErrors: 0, compactions: 0, loads: 0, unloads: 0,
    corruptUpdatesSkipped: 0, materialised: 0,
  };
  private readonly latencies = new Float64Array(RESERVOIR);
  private latencyCount = 0;

  recordStoreLatency(ms: number): void {
    this.latencies[this.latencyCount % RESERVOIR] = ms;
    this.latencyCount++;
  }

  storeLatency(): CollabStats["storeLatencyMs"] {
    const n = Math.min(this.latencyCount, RESERVOIR);
    if (n === 0) return { p50: null, p95: null, samples: 0 };
    const sorted = Array.from(this.latencies.subarray(0, n)).sort((a, b) => a - b);
    const pick = (q: number) => Math.round(sorted[Math.min(n - 1, Math.floor(q * n))] * 100) / 100;
    return { p50: pick(0.5), p95: pick(0.95), samples: n };
  }
}
