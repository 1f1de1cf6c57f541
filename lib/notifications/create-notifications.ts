// Writes inbox entries and, for recipients who want one e-mail per notification, queues that
// e-mail in the same transaction (the mail job table: sending never blocks the request).
import type { DbOrTx } from "@/db/client";
import { notifications, type Notification } from "@/db/schema";
import { queueNotificationMails } from "./queue-notification-mails";

export type NewNotification = typeof notifications.$inferInsert;

/** Inserts the rows (one per recipient) and queues their e-mails; returns the stored rows. */
export async function createNotifications(db: DbOrTx, rows: NewNotification[], options: { baseUrl: string }): Promise<Notification[]> {
  if (rows.length === 0) return [];
  const stored = await db.insert(notifications).values(rows).returning();
  await queueNotificationMails(db, stored, options);
  return stored;
}
