// Follows a verification link: the account's e-mail counts as verified from now on.
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { consumeAccountToken } from "./account-tokens";

/** Marks the link's account verified; throws AppError (`expired`, `already_used`, `not_found`) for a bad link. */
export async function verifyEmail(db: Database, secret: string, ip?: string | null): Promise<{ userId: string }> {
  return db.transaction(async (tx) => {
    const { userId, email } = await consumeAccountToken(tx, secret, "verify_email");
    await tx.update(users).set({ emailVerified: new Date() }).where(eq(users.id, userId));
    await recordAuditEvent(tx, { action: "auth.email_verified", actorId: userId, ip, metadata: { email } });
    return { userId };
  });
}
