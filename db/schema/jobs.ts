// Background jobs that must run once across every instance (lib/jobs/): one row per job name,
// holding who runs it right now (a lease) and when it last finished.
import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const jobRuns = pgTable("job_runs", {
  name: text("name").primaryKey(),
  /** Instance holding the job while `leaseUntil` is in the future (a crashed holder's lease expires). */
  leaseOwner: text("lease_owner"),
  leaseUntil: timestamp("lease_until", { withTimezone: true, mode: "date" }),
  /** The end of the last successful run (periodic jobs run again once `every` has passed). */
  finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
});
