// Delivers queued mail. Each pass claims due jobs with FOR UPDATE SKIP LOCKED (several app
// instances never send the same job), leases them, sends them and records the outcome.
// Without SMTP the mail is "delivered" to the app log (recipient and subject only: the body may
// hold a sign-in secret) and stays in the outbox for the owners' dev mailbox.
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "@/db/client";
import type { MailTransport } from "./transport";

export const MAX_ATTEMPTS = 8;
/** How long a claimed job is leased to one worker before another may retry it (crash recovery). */
const LEASE_SECONDS = 120;

/** Seconds to wait before attempt n+1 after n failed ones: 30 s, 1 min, 2 min … capped at 1 h. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

type Claimed = { id: string; recipient: string; subject: string; text: string; html: string | null; attempts: number };

export type MailWorkerOptions = {
  transport: MailTransport | null;
  from: string;
  /** Poll interval in ms (a queued mail also wakes the worker through `kick`). */
  intervalMs?: number;
  batchSize?: number;
  log?: (line: string) => void;
};

/** One delivery pass; returns how many jobs it handled. Exported for tests and scripts. */
export async function deliverDueMail(db: Database, options: MailWorkerOptions): Promise<number> {
  const batch = options.batchSize ?? 10;
  const claimed = await queryRows<Claimed>(
    db,
    sql`update mail_outbox set status = 'sending', attempts = attempts + 1,
          next_attempt_at = now() + make_interval(secs => ${LEASE_SECONDS})
        where id in (
          select id from mail_outbox
          where status in ('pending', 'sending') and next_attempt_at <= now()
          order by next_attempt_at
          limit ${batch}
          for update skip locked)
        returning id, recipient, subject, text, html, attempts`,
  );
  const log = options.log ?? ((line: string) => console.log(line));
  for (const job of claimed) {
    if (!options.transport) {
      log(`mail (no SMTP_URL): to ${job.recipient} — ${job.subject}`);
      await db.execute(sql`update mail_outbox set status = 'logged', sent_at = now(), last_error = null where id = ${job.id}`);
      continue;
    }
    try {
      await options.transport.sendMail({ from: options.from, to: job.recipient, subject: job.subject, text: job.text, html: job.html ?? undefined });
      await db.execute(sql`update mail_outbox set status = 'sent', sent_at = now(), last_error = null where id = ${job.id}`);
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      const failed = job.attempts >= MAX_ATTEMPTS;
      await db.execute(sql`update mail_outbox set
          status = ${failed ? "failed" : "pending"},
          last_error = ${message},
          next_attempt_at = now() + make_interval(secs => ${backoffSeconds(job.attempts)})
        where id = ${job.id}`);
      log(`mail to ${job.recipient} failed (attempt ${job.attempts}${failed ? ", giving up" : ""}): ${message}`);
    }
  }
  return claimed.length;
}

export type MailWorker = { kick: () => void; stop: () => Promise<void> };

/** Starts the background delivery loop; `stop` waits for the pass in flight. */
export function startMailWorker(db: Database, options: MailWorkerOptions): MailWorker {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const pass = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        // Drain: keep going while full batches come back.
        while (!stopped && (await deliverDueMail(db, options)) >= (options.batchSize ?? 10));
      } catch (err) {
        console.error("mail worker pass failed", err);
      } finally {
        running = null;
        if (again) {
          again = false;
          pass();
        }
      }
    })();
  };
  const timer = setInterval(pass, options.intervalMs ?? 5_000);
  timer.unref();
  pass();
  return {
    kick: pass,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
      options.transport?.close();
    },
  };
}
