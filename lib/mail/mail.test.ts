// The mail outbox against real databases and a real SMTP server (smtp-server on port 0).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { mailOutbox } from "@/db/schema";
import { createTestDatabase, testDrivers, type TestDatabase } from "@/test/database";
import { addMember, createUser, createWorkspace } from "@/test/factories";
import { startTestSmtpServer, type TestSmtpServer } from "@/test/smtp-server";
import { backoffSeconds, createMailTransport, deliverDueMail, enqueueMail, listDevMailbox, startMailWorker } from "./index";

describe.each(testDrivers)("mail outbox (%s)", (driver) => {
  let t: TestDatabase;
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp?.close();
    await t?.close();
  });

  it("queues without sending, then the worker delivers through SMTP with credentials and marks it sent", async () => {
    const id = await enqueueMail(t.db, { to: "Reader@Example.com", subject: "Hello there", text: "Open https://example.com/x?a=1&b=2 now", html: "<p>Hi</p>", kind: "test" });
    const [queued] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(queued).toMatchObject({ status: "pending", attempts: 0, recipient: "reader@example.com" });

    const transport = createMailTransport(smtp.url);
    expect(await deliverDueMail(t.db, { transport, from: "Journeyboard <jb@example.com>" })).toBe(1);
    const mail = await smtp.waitFor("reader@example.com", { subject: /Hello there/ });
    expect(mail.text).toContain("https://example.com/x?a=1&b=2");
    expect(mail.html).toContain("<p>Hi</p>");
    expect(mail.from).toBe("jb@example.com");
    const [sent] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(sent).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(sent.sentAt).toBeInstanceOf(Date);
    // Nothing left to do.
    expect(await deliverDueMail(t.db, { transport, from: "jb@example.com" })).toBe(0);
    transport?.close();
  });

  it("a failed delivery is retried later with backoff, then succeeds", async () => {
    const id = await enqueueMail(t.db, { to: "retry@example.com", subject: "Retry me", text: "body" });
    const transport = createMailTransport(smtp.url);
    smtp.failNext(1);
    const logs: string[] = [];
    await deliverDueMail(t.db, { transport, from: "jb@example.com", log: (l) => logs.push(l) });
    const [afterFail] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(afterFail.status).toBe("pending");
    expect(afterFail.lastError).toMatch(/451|try again/);
    expect(afterFail.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(logs.join("\n")).toMatch(/retry@example.com failed \(attempt 1\)/);
    // Not due yet: the next pass leaves it alone.
    expect(await deliverDueMail(t.db, { transport, from: "jb@example.com" })).toBe(0);
    await t.db.update(mailOutbox).set({ nextAttemptAt: new Date(Date.now() - 1000) }).where(eq(mailOutbox.id, id));
    expect(await deliverDueMail(t.db, { transport, from: "jb@example.com" })).toBe(1);
    await smtp.waitFor("retry@example.com");
    const [done] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(done).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(backoffSeconds(1)).toBe(30);
    expect(backoffSeconds(3)).toBe(120);
    expect(backoffSeconds(20)).toBe(3600);
    transport?.close();
  });

  it("wrong SMTP credentials fail the attempt instead of losing the mail", async () => {
    const id = await enqueueMail(t.db, { to: "creds@example.com", subject: "Creds", text: "body" });
    const bad = createMailTransport(smtp.url.replace("s3cret", "wrong"));
    await deliverDueMail(t.db, { transport: bad, from: "jb@example.com", log: () => {} });
    const [row] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
    expect(row.status).toBe("pending");
    expect(row.lastError).toMatch(/Invalid|auth/i);
    bad?.close();
    await t.db.delete(mailOutbox).where(eq(mailOutbox.id, id));
  });

  it("parallel workers never claim the same job twice (FOR UPDATE SKIP LOCKED)", async () => {
    const before = smtp.mails.length;
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => enqueueMail(t.db, { to: `many${i}@example.com`, subject: `Many ${i}`, text: "x" })));
    const transport = createMailTransport(smtp.url);
    const counts = await Promise.all([0, 1, 2].map(() => deliverDueMail(t.db, { transport, from: "jb@example.com", batchSize: 5 })));
    let total = counts.reduce((a, b) => a + b, 0);
    while (total < 12) total += await deliverDueMail(t.db, { transport, from: "jb@example.com", batchSize: 5 });
    expect(total).toBe(12);
    await expect.poll(() => smtp.mails.length - before).toBe(12);
    const addressed = smtp.mails.slice(before).map((m) => m.to[0]).sort();
    expect(new Set(addressed).size).toBe(12);
    const rows = await t.db.select().from(mailOutbox);
    expect(rows.filter((r) => ids.includes(r.id)).every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    transport?.close();
  });

  it("without SMTP the log gets recipient and subject only, and the dev mailbox shows it to its workspace", async () => {
    const owner = await createUser(t.db);
    const member = await createUser(t.db);
    const outsider = await createUser(t.db);
    const ws = await createWorkspace(t.db);
    await addMember(t.db, ws.id, owner.id, "owner");
    await addMember(t.db, ws.id, member.id, "editor");
    await enqueueMail(t.db, { to: member.email, subject: "Reset your password", text: "secret link https://x.example/reset/TOKEN123" });
    await enqueueMail(t.db, { to: outsider.email, subject: "Not yours", text: "https://x.example/reset/OTHER" });
    const logs: string[] = [];
    await deliverDueMail(t.db, { transport: null, from: "jb@example.com", log: (l) => logs.push(l) });
    expect(logs.join("\n")).toContain(`to ${member.email} — Reset your password`);
    expect(logs.join("\n")).not.toContain("TOKEN123");
    const box = await listDevMailbox(t.db, ws.id);
    expect(box.map((m) => m.recipient)).toContain(member.email);
    expect(box.map((m) => m.recipient)).not.toContain(outsider.email);
    expect(box.find((m) => m.recipient === member.email)).toMatchObject({ status: "logged", text: expect.stringContaining("TOKEN123") });
  });

  it("the started worker sends a queued mail without a manual pass, and rejects bad input", async () => {
    const worker = startMailWorker(t.db, { transport: createMailTransport(smtp.url), from: "jb@example.com", intervalMs: 200 });
    try {
      await enqueueMail(t.db, { to: "loop@example.com", subject: "From the loop", text: "x" });
      await smtp.waitFor("loop@example.com");
    } finally {
      await worker.stop();
    }
    await expect(enqueueMail(t.db, { to: "not-an-address", subject: "x", text: "x" })).rejects.toThrow();
    await expect(enqueueMail(t.db, { to: "a@example.com", subject: "two\r\nBcc: evil@example.com", text: "x" })).rejects.toThrow();
  });
});
