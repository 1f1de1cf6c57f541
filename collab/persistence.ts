// Durable storage of documents: an append-only update log with group commit, loading
// (snapshot + log), and compaction of the log into the snapshot. Same code on PGlite and
// PostgreSQL (Drizzle query builder only).
//
// Invariants the rest of the service relies on:
// - `append()` resolves only after the row is committed; nothing is relayed before that.
// - Appends resolve in the order they were made. Up to `commitsInFlight` group commits run at once
//   (pipelining: on PostgreSQL each takes its own pooled connection, and the server flushes their
//   WAL together); a batch that commits early waits for the batches before it to settle before it
//   resolves, so relaying order never changes. The order rows reach the table in does not matter:
//   Yjs updates commute, loading applies every row, compaction deletes exactly what it merged.
// - Loading applies the snapshot plus *every* remaining log row of the document. Compaction deletes
//   exactly the rows it merged, in the same transaction as the snapshot write, so a row that
//   commits late with a smaller id (two instances inserting concurrently) is never skipped.
import { asc, eq, inArray, sql, type AnyColumn, type SQL } from "drizzle-orm";
import * as Y from "yjs";
import type { Database } from "@/db/client";
import { collabDocuments, collabUpdates } from "@/db/schema";
import type { Logger } from "./logger";
import type { Metrics } from "./metrics";

export type AppendEntry = { docName: string; workspaceId: string; update: Uint8Array; userId: string | null };

export type LoadedDocument = {
  doc: Y.Doc;
  /** Log rows not yet merged into the snapshot, and their bytes (drive compaction). */
  tailCount: number;
  tailBytes: number;
  /** Whether the collab_documents row exists. */
  hasRow: boolean;
  /** Stored updates (or the snapshot) skipped because they could not be applied. */
  skipped: number;
};

type PendingRow = { docName: string; base64: string; userId: string | null };
type PostgresClient = (strings: TemplateStringsArray, ...values: unknown[]) => Promise<unknown>;

type Pending = AppendEntry & { enqueuedAt: number; resolve: () => void; reject: (err: unknown) => void };

// One INSERT binds 3 parameters per row; PostgreSQL allows 65,535 per statement.
const MAX_ROWS_PER_COMMIT = 5_000;
const MAX_BYTES_PER_COMMIT = 32 * 1024 * 1024;
const MAX_ROWS_PER_COMPACTION = 10_000;

export class UpdateStore {
  private queue: Pending[] = [];
  /** Group commits started and not yet settled. */
  private inFlight = 0;
  /** Settles when the most recently started batch has resolved or rejected its entries. */
  private lastSettled: Promise<void> = Promise.resolve();
  /** Cancels the scheduled group commit, if one is scheduled. */
  private cancelScheduled: (() => void) | null = null;
  /** Documents known to have their collab_documents row (so most commits are one INSERT). */
  private readonly knownRows = new Set<string>();
  private closed = false;
  private closing = false;
  /** PostgreSQL's client for the prepared hot-path INSERT; null on PGlite. */
  private readonly postgres: PostgresClient | null;

  constructor(
    private readonly db: Database,
    private readonly options: { groupCommitMs: number; commitsInFlight?: number; commitTimeoutMs?: number; logger: Logger; metrics: Metrics },
  ) {
    this.postgres = postgresClientOf(db);
  }

  /** Appends an update to the log; resolves once it is committed (group commit). */
  append(entry: AppendEntry): Promise<void> {
    if (this.closed) return Promise.reject(new Error("update store closed"));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ ...entry, enqueuedAt: performance.now(), resolve, reject });
      this.schedule();
    });
  }

  /** Resolves when everything appended so far is committed (or failed). */
  async flush(): Promise<void> {
    for (;;) {
      if (this.cancelScheduled) {
        this.cancelScheduled();
        this.cancelScheduled = null;
        this.startCommit();
      }
      if (this.inFlight > 0) await this.lastSettled;
      else if (this.queue.length > 0) this.startCommit();
      else return;
    }
  }

  async close(): Promise<void> {
    // Shutting down during a database outage: batches stop waiting for it (their rooms reset).
    this.closing = true;
    await this.flush();
    this.closed = true;
  }

  /** Forgets per-document state when a document is unloaded (keeps the cache bounded). */
  forget(docName: string): void {
    this.knownRows.delete(docName);
  }

  private schedule(): void {
    // While every commit slot is taken, new entries simply wait: they form the next batch.
    if (this.inFlight >= this.maxInFlight || this.cancelScheduled) return;
    // 0 = the end of the current event-loop turn: everything that arrived in one read batch
    // commits together, at no added latency. Under load, batches form while a commit is in flight.
    const run = () => {
      this.cancelScheduled = null;
      this.startCommit();
    };
    if (this.options.groupCommitMs > 0) {
      const t = setTimeout(run, this.options.groupCommitMs);
      this.cancelScheduled = () => clearTimeout(t);
    } else {
      const i = setImmediate(run);
      this.cancelScheduled = () => clearImmediate(i);
    }
  }

  private get maxInFlight(): number {
    return Math.max(1, this.options.commitsInFlight ?? 1);
  }

  private startCommit(): void {
    if (this.inFlight >= this.maxInFlight || this.queue.length === 0) return;
    let bytes = 0;
    let count = 0;
    while (count < this.queue.length && count < MAX_ROWS_PER_COMMIT && (count === 0 || bytes + this.queue[count].update.byteLength <= MAX_BYTES_PER_COMMIT)) {
      bytes += this.queue[count].update.byteLength;
      count++;
    }
    const batch = this.queue.splice(0, count);
    this.inFlight++;
    this.lastSettled = this.commit(batch, this.lastSettled).finally(() => {
      this.inFlight--;
      if (this.queue.length > 0) this.startCommit();
    });
  }

  /** Inserts the batch, then (once every earlier batch has settled) resolves or rejects its entries. */
  private async commit(batch: Pending[], earlier: Promise<void>): Promise<void> {
    const rows: PendingRow[] = batch.map((e) => ({ docName: e.docName, base64: base64(e.update), userId: e.userId }));
    const newDocs = new Map<string, string>();
    for (const e of batch) if (!this.knownRows.has(e.docName)) newDocs.set(e.docName, e.workspaceId);
    for (let attempt = 0; ; attempt++) {
      try {
        await this.withinCommitTimeout(this.insert(rows, newDocs));
        break;
      } catch (err) {
        // The database is unreachable (restart, failover, network): the batch waits and is tried
        // again — connections stay open, nothing is relayed or acknowledged meanwhile ("Saved"
        // waits), and editing resumes once a commit goes through. Other errors fail the batch.
        if (!isConnectionError(err) || this.closing) {
          this.options.metrics.counters.storeErrors++;
          this.options.logger.error("store_failed", { rows: batch.length, error: err });
          await earlier;
          for (const e of batch) e.reject(err);
          return;
        }
        this.options.metrics.counters.storeErrors++;
        if (attempt === 0) this.options.logger.warn("store_unreachable", { rows: batch.length, error: err });
        await new Promise((r) => setTimeout(r, Math.min(2_000, 100 * 2 ** Math.min(attempt, 5))));
      }
    }
    await earlier;
    const now = performance.now();
    const { metrics } = this.options;
    metrics.counters.storeBatches++;
    for (const e of batch) {
      metrics.counters.updates++;
      metrics.counters.bytes += e.update.byteLength;
      metrics.recordStoreLatency(now - e.enqueuedAt);
      e.resolve();
    }
  }

  /**
   * A commit that neither succeeds nor fails (a connection that died without a reset, or a driver
   * stuck on one — seen with postgres.js after a cut) would hold "Saved" and every later batch
   * forever: past the timeout it counts as unreachable and is tried again on another connection.
   * Should the first attempt commit after all, the row is there twice — harmless, applying a Yjs
   * update twice changes nothing, and compaction merges both.
   */
  private withinCommitTimeout(commit: Promise<void>): Promise<void> {
    const ms = this.options.commitTimeoutMs;
    if (!ms) return commit;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error(`commit took longer than ${ms} ms`), { code: "COMMIT_TIMEOUT" })), ms);
    });
    return Promise.race([commit, timeout]).finally(() => clearTimeout(timer));
  }

  private async insert(rows: PendingRow[], newDocs: Map<string, string>): Promise<void> {
    {
      if (newDocs.size === 0 && this.postgres) {
        // The hot path on PostgreSQL: one statement text whatever the batch size, prepared once per
        // connection, so a commit is one round trip (Bind/Execute). Through Drizzle every INSERT
        // was an unnamed statement, which postgres.js sends as Parse/Describe, waits for the
        // parameter types, then Bind/Execute: two round trips and a fresh parse and plan each time.
        const sql = this.postgres;
        await sql`
          insert into collab_updates (doc_name, update, user_id)
          select name, decode(bytes, 'base64'), sender
          from unnest(${rows.map((r) => r.docName)}::text[], ${rows.map((r) => r.base64)}::text[], ${rows.map((r) => r.userId)}::text[]) as batch(name, bytes, sender)`;
        return;
      }
      const values = rows.map((r) => ({ docName: r.docName, update: bytesParam(r.base64), userId: r.userId }));
      if (newDocs.size > 0) {
        await this.db.transaction(async (tx) => {
          await tx
            .insert(collabDocuments)
            .values([...newDocs].map(([name, workspaceId]) => ({ name, workspaceId })))
            .onConflictDoNothing();
          await tx.insert(collabUpdates).values(values);
        });
        for (const name of newDocs.keys()) this.knownRows.add(name);
      } else {
        await this.db.insert(collabUpdates).values(values);
      }
    }
  }

  /** Loads a document: its snapshot plus every log row left, skipping (and logging) what cannot be applied. */
  async load(docName: string): Promise<LoadedDocument> {
    // One snapshot of the database for both reads: a compaction committing between them would
    // otherwise hide the rows it merged (old snapshot, then a log without them).
    const { docRow, rows } = await this.db.transaction(
      async (tx) => {
        const [docRow] = await tx
          .select({ snapshot: base64Of(collabDocuments.snapshot) })
          .from(collabDocuments)
          .where(eq(collabDocuments.name, docName))
          .limit(1)
          .then((r) => r.map((x) => ({ snapshot: bytesOf(x.snapshot) })));
        const rows = await tx
          .select({ id: collabUpdates.id, update: base64Of(collabUpdates.update) })
          .from(collabUpdates)
          .where(eq(collabUpdates.docName, docName))
          .orderBy(asc(collabUpdates.id))
          .then((r) => r.map((x) => ({ id: x.id, update: bytesOf(x.update)! })));
        return { docRow, rows };
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
    let skipped = 0;
    let doc = this.docFromSnapshot(docRow?.snapshot ?? null, docName);
    if (!doc) {
      skipped++;
      doc = new Y.Doc();
    }
    doc.transact(() => {
      for (const row of rows) {
        if (!this.applyStored(doc, row.update, { docName, what: "update", id: row.id })) skipped++;
      }
    });
    if (docRow) this.knownRows.add(docName);
    this.options.metrics.counters.corruptUpdatesSkipped += skipped;
    return {
      doc,
      tailCount: rows.length,
      tailBytes: rows.reduce((n, r) => n + r.update.byteLength, 0),
      hasRow: Boolean(docRow),
      skipped,
    };
  }

  /**
   * Merges the log into the snapshot: snapshot + rows → one state (deleted content garbage
   * collected), written with the rows deleted in one transaction. Computed from the database, not
   * from a live document, so updates stored by another instance are never dropped.
   */
  async compact(docName: string): Promise<{ merged: number; mergedBytes: number; snapshotBytes: number } | null> {
    const result = await this.db.transaction(async (tx) => {
      // Row lock: two instances compacting one document take turns.
      const [locked] = await tx
        .select({ snapshot: base64Of(collabDocuments.snapshot) })
        .from(collabDocuments)
        .where(eq(collabDocuments.name, docName))
        .for("update");
      if (!locked) return null;
      const docRow = { snapshot: bytesOf(locked.snapshot) };
      const rows = await tx
        .select({ id: collabUpdates.id, update: base64Of(collabUpdates.update) })
        .from(collabUpdates)
        .where(eq(collabUpdates.docName, docName))
        .orderBy(asc(collabUpdates.id))
        .limit(MAX_ROWS_PER_COMPACTION)
        .then((r) => r.map((x) => ({ id: x.id, update: bytesOf(x.update)! })));
      if (rows.length === 0) return null;
      const doc = this.docFromSnapshot(docRow.snapshot, docName) ?? new Y.Doc();
      doc.transact(() => {
        for (const row of rows) this.applyStored(doc, row.update, { docName, what: "update", id: row.id });
      });
      const state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      const ids = rows.map((r) => r.id);
      await tx
        .update(collabDocuments)
        .set({ snapshot: bytesParam(state), snapshotSeq: sql`greatest(${collabDocuments.snapshotSeq}, ${ids[ids.length - 1]})`, snapshotBytes: state.byteLength, updatedAt: new Date() })
        .where(eq(collabDocuments.name, docName));
      await tx.delete(collabUpdates).where(inArray(collabUpdates.id, ids));
      return { merged: rows.length, mergedBytes: rows.reduce((n, r) => n + r.update.byteLength, 0), snapshotBytes: state.byteLength };
    });
    if (result) {
      this.options.metrics.counters.compactions++;
      this.options.logger.debug("compacted", { docName, ...result });
    }
    return result;
  }

  /**
   * A document from its snapshot, or null (logged) when the snapshot is corrupt. The snapshot goes
   * into a fresh document, so a failure costs nothing but that document: no separate decoding
   * pass over what is the largest value we read.
   */
  private docFromSnapshot(snapshot: Uint8Array | null, docName: string): Y.Doc | null {
    const doc = new Y.Doc();
    if (!snapshot || snapshot.byteLength === 0) return doc;
    try {
      Y.applyUpdate(doc, snapshot);
      return doc;
    } catch (err) {
      doc.destroy();
      this.options.logger.error("stored_update_corrupt", { docName, what: "snapshot", bytes: snapshot.byteLength, error: err });
      return null;
    }
  }

  /** Applies a stored update after checking that it decodes; false (and a log line) when it is corrupt. */
  private applyStored(doc: Y.Doc, update: Uint8Array, where: Record<string, unknown>): boolean {
    try {
      // Decoding first means garbage is refused before any of it is integrated into the document.
      Y.decodeUpdate(update);
      Y.applyUpdate(doc, update);
      return true;
    } catch (err) {
      this.options.logger.error("stored_update_corrupt", { ...where, bytes: update.byteLength, error: err });
      return false;
    }
  }
}

// Binary values travel base64-encoded: PGlite converts bytea parameters and results through hex
// text in JavaScript, which took ~2 s to write and ~0.5 s to read a 850 KB snapshot; through
// encode()/decode() it is 10–20x faster, and no slower on PostgreSQL.
const CONNECTION_CODES = new Set([
  "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND",
  "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "CONNECT_TIMEOUT", "COMMIT_TIMEOUT",
  // SQLSTATE: admin shutdown, crash shutdown, cannot connect now, too many connections.
  "57P01", "57P02", "57P03", "53300",
]);

/** Whether an error (or its cause: drizzle wraps driver errors) means the database could not be reached. */
export function isConnectionError(err: unknown): boolean {
  for (let e = err, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (CONNECTION_CODES.has(code) || code.startsWith("08"))) return true;
  }
  return false;
}

function base64Of(column: AnyColumn): SQL<string | null> {
  return sql<string | null>`encode(${column}, 'base64')`;
}

function bytesOf(base64: string | null): Uint8Array | null {
  if (base64 === null) return null;
  const buf = Buffer.from(base64, "base64");
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64");
}

/** Bytes as a SQL expression (base64 text decoded by the database: the same on PGlite and PostgreSQL). */
function bytesParam(bytes: Uint8Array | string): SQL<Uint8Array> {
  return sql<Uint8Array>`decode(${typeof bytes === "string" ? bytes : base64(bytes)}, 'base64')`;
}

/**
 * The postgres.js client under a Drizzle database, or null on PGlite (in-process: no round trips
 * to save). Detected by shape: postgres.js clients are tagged-template functions with `unsafe`.
 */
function postgresClientOf(db: Database): PostgresClient | null {
  const client = (db as unknown as { $client?: unknown }).$client;
  return typeof client === "function" && "unsafe" in client ? (client as unknown as PostgresClient) : null;
}
