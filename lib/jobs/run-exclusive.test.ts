// Jobs run once across instances (simulated by distinct lease owners on one database), on both drivers.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobRuns } from "@/db/schema";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { runExclusive } from "./run-exclusive";

describe.each(testDrivers)("runExclusive on %s", (driver) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  it("lets one of several parallel claimants run, and not again within the period", async () => {
    let runs = 0;
    const job = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 100));
      return "done";
    };
    const results = await Promise.all(["i1", "i2", "i3", "i4"].map((owner) => runExclusive(t.db, "daily", job, { owner, everyMs: 86_400_000 })));
    expect(results.filter((r) => r.ran)).toEqual([{ ran: true, value: "done" }]);
    expect(runs).toBe(1);
    expect((await runExclusive(t.db, "daily", job, { owner: "i5", everyMs: 86_400_000 })).ran).toBe(false);
    // Once the period has passed (here: a zero period), it runs again.
    expect((await runExclusive(t.db, "daily", job, { owner: "i5", everyMs: 0 })).ran).toBe(true);
  });

  it("does not run while another instance holds an unexpired lease, and takes over an expired one", async () => {
    let release!: () => void;
    const holding = runExclusive(t.db, "long", () => new Promise<void>((r) => (release = r)), { owner: "a" });
    await new Promise((r) => setTimeout(r, 50));
    expect((await runExclusive(t.db, "long", async () => 1, { owner: "b" })).ran).toBe(false);
    release();
    await holding;
    // A crashed holder: its lease row stays behind until it expires.
    await t.db.update(jobRuns).set({ leaseOwner: "crashed", leaseUntil: new Date(Date.now() - 1000), finishedAt: null }).where(eq(jobRuns.name, "long"));
    expect((await runExclusive(t.db, "long", async () => 2, { owner: "c" })).ran).toBe(true);
  });

  it("releases the job when it fails, so the next attempt retries", async () => {
    await expect(runExclusive(t.db, "flaky", async () => { throw new Error("boom"); }, { owner: "a", everyMs: 86_400_000 })).rejects.toThrow("boom");
    expect((await runExclusive(t.db, "flaky", async () => "ok", { owner: "b", everyMs: 86_400_000 })).ran).toBe(true);
  });
});
