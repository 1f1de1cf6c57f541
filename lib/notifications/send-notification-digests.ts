// Daily digest: one e-mail per user whose setting is `digest`, listing what arrived in their
// inbox since the last digest and is still unread (read entries need no reminder).
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships, notifications, notificationSettings, users } from "@/db/schema";
import { enqueueMail } from "@/lib/mail";
import { mailLocale, renderDigestMail } from "./notification-email";
import { canSignUnsubscribeLinks } from "./unsubscribe-token";

export async function sendNotificationDigests(db: DbOrTx, { now = new Date(), baseUrl }: { now?: Date; baseUrl: string }): Promise<number> {
  if (!canSignUnsubscribeLinks()) return 0;
  const recipients = await db
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(notificationSettings)
    .innerJoin(users, eq(users.id, notificationSettings.userId))
    .where(eq(notificationSettings.emailMode, "digest"));
  let sent = 0;
  for (const r of recipients) {
    const pending = await db
      .select({ n: notifications })
      .from(notifications)
      .innerJoin(memberships, and(eq(memberships.workspaceId, notifications.workspaceId), eq(memberships.userId, notifications.userId)))
      .where(and(eq(notifications.userId, r.id), isNull(notifications.emailedAt), isNull(notifications.readAt)))
      .orderBy(asc(notifications.createdAt))
      .limit(200);
    if (pending.length === 0) continue;
    const actorIds = [...new Set(pending.map((p) => p.n.actorId).filter((a): a is string => Boolean(a)))];
    const actors = actorIds.length ? await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, actorIds)) : [];
    const actorName = new Map(actors.map((a) => [a.id, a.name ?? a.email]));
    const mail = renderDigestMail(
      { locale: mailLocale(r.locale), baseUrl, userId: r.id },
      pending.map(({ n }) => ({ n, actorName: (n.actorId && actorName.get(n.actorId)) || "Journeyboard" })),
    );
    await enqueueMail(db, { to: r.email, subject: mail.subject, text: mail.text, html: mail.html, kind: "notification_digest" });
    await db.update(notifications).set({ emailedAt: now }).where(inArray(notifications.id, pending.map((p) => p.n.id)));
    await db.update(notificationSettings).set({ lastDigestAt: now }).where(eq(notificationSettings.userId, r.id));
    sent++;
  }
  return sent;
}
