// A user's e-mail preference for notifications (`each` by default).
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notificationSettings } from "@/db/schema";

export type EmailMode = "each" | "digest" | "off";
export const EMAIL_MODES: readonly EmailMode[] = ["each", "digest", "off"];

export async function getEmailMode(db: DbOrTx, userId: string): Promise<EmailMode> {
  const [row] = await db.select({ m: notificationSettings.emailMode }).from(notificationSettings).where(eq(notificationSettings.userId, userId)).limit(1);
  return row?.m ?? "each";
}

export async function setEmailMode(db: DbOrTx, userId: string, emailMode: EmailMode): Promise<void> {
  await db.insert(notificationSettings).values({ userId, emailMode }).onConflictDoUpdate({ target: notificationSettings.userId, set: { emailMode } });
}
