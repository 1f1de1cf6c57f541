// Follows a reset link: sets the new password, ends every session (the link proves the mailbox,
// so the address also counts as verified) and audits it.
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { consumeAccountToken } from "./account-tokens";
import { hashPassword } from "./password";

/** Resets the password of the link's account; throws AppError for a bad, used or expired link. */
export async function resetPassword(db: Database, { secret, password, ip }: { secret: string; password: string; ip?: string | null }): Promise<{ userId: string; email: string }> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const { userId, email } = await consumeAccountToken(tx, secret, "password_reset");
    await tx
      .update(users)
      .set({ passwordHash, emailVerified: new Date(), sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId));
    await recordAuditEvent(tx, { action: "auth.password_reset", actorId: userId, ip });
    return { userId, email };
  });
}
