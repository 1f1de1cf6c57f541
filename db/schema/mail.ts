// Outgoing e-mail as a job table: requests only insert a row; a worker (lib/mail/worker.ts) sends it
// with retries, so a slow or broken SMTP server never blocks or fails a request.
import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";

export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: id(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    /** What the mail is for (`verify_email`, `password_reset`, `invitation`, …): filters and the dev mailbox. */
    kind: text("kind").notNull().default("general"),
    /** The workspace the mail belongs to, if any (the dev mailbox shows a workspace's owners its mails). */
    workspaceId: uuid("workspace_id"),
    /** `pending` → `sending` (claimed, leased until nextAttemptAt) → `sent` | `logged` (no SMTP) | `failed`. */
    status: text("status").$type<"pending" | "sending" | "sent" | "logged" | "failed">().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("mail_outbox_due_idx").on(t.status, t.nextAttemptAt), index("mail_outbox_recipient_idx").on(t.recipient, t.createdAt)],
);

export type MailOutboxRow = typeof mailOutbox.$inferSelect;
