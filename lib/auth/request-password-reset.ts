// "Forgot password": queues a reset link when the address has an account. The answer is the same
// either way, and the work is similar, so the form does not tell which addresses have accounts.
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { enqueueMail } from "@/lib/mail";
import { issueAccountToken } from "./account-tokens";
import { consumeResetRequest } from "./throttle";

/** Queues a one-hour, single-use reset link for `email` (if it has an account). Throws ThrottledError when over the limit. */
export async function requestPasswordReset(db: Database, { email, ip, origin }: { email: string; ip: string; origin: string }): Promise<void> {
  await consumeResetRequest(db, email, ip);
  const [user] = await db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(eq(users.email, email)).limit(1);
  if (!user) return;
  await db.transaction(async (tx) => {
    const secret = await issueAccountToken(tx, user.id, user.email, "password_reset");
    const link = `${origin}/reset-password/${encodeURIComponent(secret)}`;
    await enqueueMail(tx, {
      to: user.email,
      kind: "password_reset",
      subject: "Reset your Journeyboard password",
      text: `Hello ${user.name ?? ""},\n\nsomeone (hopefully you) asked to reset the password of this account. Open this link within one hour to choose a new password:\n\n${link}\n\nThe link works once. If you did not ask for it, ignore this mail: your password stays as it is.\n`,
    });
    await recordAuditEvent(tx, { action: "auth.password_reset_requested", actorId: user.id, ip });
  });
}
