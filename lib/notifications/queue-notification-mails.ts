// Queues one e-mail per notification for recipients whose setting is `each` (the default), in the
// caller's transaction, through the shared mail module's job table (sent by its worker, with
// retries; never blocking the request). `digest` recipients get theirs from the daily job.
import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notifications, notificationSettings, users, type Notification } from "@/db/schema";
import { enqueueMail } from "@/lib/mail";
import { mailLocale, renderNotificationMail } from "./notification-email";
import { canSignUnsubscribeLinks } from "./unsubscribe-token";

export async function queueNotificationMails(db: DbOrTx, rows: Notification[], { baseUrl }: { baseUrl: string }): Promise<number> {
  if (rows.length === 0) return 0;
  // Every mail carries a signed unsubscribe link. The app always has a secret (generated at start);
  // a script without one stores the inbox entries and sends no mail rather than failing its work.
  if (!canSignUnsubscribeLinks()) {
    console.warn("notification e-mails skipped: AUTH_SECRET is not set");
    return 0;
  }
  const userIds = [...new Set([...rows.map((r) => r.userId), ...rows.map((r) => r.actorId).filter((a): a is string => Boolean(a))])];
  const people = await db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, mode: notificationSettings.emailMode })
    .from(users)
    .leftJoin(notificationSettings, eq(notificationSettings.userId, users.id))
    .where(inArray(users.id, userIds));
  const byId = new Map(people.map((p) => [p.id, p]));
  const sent: string[] = [];
  for (const n of rows) {
    const to = byId.get(n.userId);
    if (!to || (to.mode ?? "each") !== "each") continue;
    const actor = n.actorId ? byId.get(n.actorId) : undefined;
    const mail = renderNotificationMail(
      { locale: mailLocale(to.locale), baseUrl, userId: to.id },
      n,
      actor?.name ?? actor?.email ?? "Journeyboard",
    );
    await enqueueMail(db, { to: to.email, subject: mail.subject, text: mail.text, html: mail.html, kind: "notification", workspaceId: n.workspaceId });
    sent.push(n.id);
  }
  if (sent.length) await db.update(notifications).set({ emailedAt: new Date() }).where(inArray(notifications.id, sent));
  return sent.length;
}
