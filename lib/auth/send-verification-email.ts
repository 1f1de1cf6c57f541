// Sends (queues) the "confirm your e-mail" link of a local account.
import type { DbOrTx } from "@/db/client";
import { enqueueMail } from "@/lib/mail";
import { issueAccountToken } from "./account-tokens";

/** Queues a verification mail with a fresh 48-hour link built on `origin`. */
export async function sendVerificationEmail(db: DbOrTx, user: { id: string; email: string; name: string | null }, origin: string): Promise<void> {
  const secret = await issueAccountToken(db, user.id, user.email, "verify_email");
  const link = `${origin}/verify-email/${encodeURIComponent(secret)}`;
  await enqueueMail(db, {
    to: user.email,
    kind: "verify_email",
    subject: "Confirm your e-mail address for Journeyboard",
    text: `Hello ${user.name ?? ""},\n\nplease confirm that this address belongs to you by opening this link (valid for 48 hours):\n\n${link}\n\nIf you did not sign up for Journeyboard, ignore this mail.\n`,
  });
}
