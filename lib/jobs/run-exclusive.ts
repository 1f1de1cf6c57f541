// Jobs that run once across every instance on one database (purge of deleted maps, daily
// reminders, …): a lease row in job_runs, claimed with one atomic upsert. Preferred over a
// PostgreSQL advisory lock because a session lock needs one connection held for the whole job
// (PGlite has a single connection the job itself needs; postgres.js pools and recycles them),
// and because the row also records the last run, so a daily job runs once a day — not once per
// instance start. A holder that crashes loses its lease when it expires.
import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { jobRuns } from "@/db/schema";

const OWNER = `${process.pid}-${randomBytes(6).toString("hex")}`;

export type JobOptions = {
  /** Run only if the last successful run finished at least this long ago (default: always). */
  everyMs?: number;
  /** How long the claim holds before another instance may take over (default 10 min). */
  leaseMs?: number;
  /** Who claims (default: this process); tests simulate several instances with distinct owners. */
  owner?: string;
};

export type JobResult<T> = { ran: true; value: T } | { ran: false };

/** Runs `fn` unless another instance holds the job (or it ran within `everyMs`). */
export async function runExclusive<T>(db: Database, name: string, fn: () => Promise<T>, options: JobOptions = {}): Promise<JobResult<T>> {
  const owner = options.owner ?? OWNER;
  const leaseMs = options.leaseMs ?? 10 * 60_000;
  const everyMs = options.everyMs ?? 0;
  const claimed = await db
    .insert(jobRuns)
    .values({ name, leaseOwner: owner, leaseUntil: sql`now() + ${`${leaseMs} milliseconds`}::interval` })
    .onConflictDoUpdate({
      target: jobRuns.name,
      set: { leaseOwner: owner, leaseUntil: sql`now() + ${`${leaseMs} milliseconds`}::interval` },
      setWhere: sql`(${jobRuns.leaseUntil} is null or ${jobRuns.leaseUntil} < now())
        and (${jobRuns.finishedAt} is null or ${jobRuns.finishedAt} <= now() - ${`${everyMs} milliseconds`}::interval)`,
    })
    .returning({ name: jobRuns.name });
  if (claimed.length === 0) return { ran: false };
  const mine = and(eq(jobRuns.name, name), eq(jobRuns.leaseOwner, owner));
  try {
    const value = await fn();
    await db.update(jobRuns).set({ leaseOwner: null, leaseUntil: null, finishedAt: sql`now()` }).where(mine);
    return { ran: true, value };
  } catch (err) {
    // Released without a finish time: the next attempt (here or elsewhere) retries.
    await db.update(jobRuns).set({ leaseOwner: null, leaseUntil: null }).where(mine).catch(() => {});
    throw err;
  }
}

/**
 * Tries the job now and then every `checkMs` (default: a tenth of `everyMs`, at most an hour); it
 * runs wherever the claim succeeds, at most once per `everyMs` across all instances. Returns a stop function.
 */
export function scheduleExclusive(db: Database, name: string, everyMs: number, fn: () => Promise<unknown>, options: { checkMs?: number; onError?: (err: unknown) => void } = {}): () => void {
  const onError = options.onError ?? ((err) => console.error(`job ${name} failed`, err));
  const attempt = () => runExclusive(db, name, fn, { everyMs }).catch(onError);
  void attempt();
  const timer = setInterval(attempt, options.checkMs ?? Math.min(Math.max(1000, everyMs / 10), 60 * 60_000));
  timer.unref();
  return () => clearInterval(timer);
}
