// Once a day, across all instances: review reminders and notification digests. Every instance
// tries on start and every hour; a PostgreSQL advisory lock lets one in at a time, and
// daily_job_runs records the day so the work happens once per day however many instances run.
import { eq, sql } from "drizzle-orm";
import { queryRows, type Database } from "@/db/client";
import { dailyJobRuns } from "@/db/schema";
import { sendNotificationDigests } from "@/lib/notifications/send-notification-digests";
import { sendReviewReminders } from "./send-review-reminders";

const JOB = "discuss-daily";
/** Any constant shared by all instances (pg advisory locks are keyed by bigint). */
const LOCK_KEY = 0x6a62_6461; // "jbda"

export type DailyJobResult = { ran: boolean; reminders: number; digests: number };

export async function runDailyJobs(db: Database, { now = new Date(), baseUrl }: { now?: Date; baseUrl: string }): Promise<DailyJobResult> {
  const today = now.toISOString().slice(0, 10);
  return db.transaction(async (tx) => {
    const [{ locked }] = await queryRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${LOCK_KEY}) as locked`);
    if (!locked) return { ran: false, reminders: 0, digests: 0 };
    const [last] = await tx.select({ ranOn: dailyJobRuns.ranOn }).from(dailyJobRuns).where(eq(dailyJobRuns.name, JOB)).limit(1);
    if (last && last.ranOn >= today) return { ran: false, reminders: 0, digests: 0 };
    const reminders = await sendReviewReminders(tx, { now, baseUrl });
    const digests = await sendNotificationDigests(tx, { now, baseUrl });
    await tx.insert(dailyJobRuns).values({ name: JOB, ranOn: today }).onConflictDoUpdate({ target: dailyJobRuns.name, set: { ranOn: today } });
    return { ran: true, reminders, digests };
  });
}

/** Starts the hourly attempt (server.ts / collab standalone); returns the stop function. */
export function scheduleDailyJobs(db: Database, baseUrl: () => string): () => void {
  const attempt = () => runDailyJobs(db, { baseUrl: baseUrl() }).catch((err) => console.error("daily jobs failed", err));
  void attempt();
  const timer = setInterval(attempt, 60 * 60 * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
