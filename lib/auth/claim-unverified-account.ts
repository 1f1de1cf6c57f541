// SSO sign-in with the address of an UNVERIFIED local account: whoever signed up with it never
// proved the mailbox, the identity provider did. The SSO user claims the account: its password,
// sessions, access tokens and pending links end (a stranger's pre-registration gives them nothing
// and never locks the real owner out); then Auth.js links the SSO identity to it. Memberships stay:
// the usual case is the real owner who never confirmed the mail, and a stranger who loses the
// password loses every way into those workspaces anyway.
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accountTokens, personalAccessTokens, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { closeUserSessionSockets } from "./sign-out-everywhere";

/** Claims the unverified local account with this address (no-op when none or already verified); returns its id if claimed. */
export async function claimUnverifiedAccount(db: Database, { email, provider, ip }: { email: string; provider: string; ip?: string | null }): Promise<string | null> {
  const claimed = await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, email), isNull(users.emailVerified)))
      .for("update")
      .limit(1);
    if (!user) return null;
    await tx
      .update(users)
      .set({ passwordHash: null, emailVerified: new Date(), sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id));
    await tx.update(personalAccessTokens).set({ revokedAt: new Date() }).where(and(eq(personalAccessTokens.userId, user.id), isNull(personalAccessTokens.revokedAt)));
    await tx.update(accountTokens).set({ usedAt: new Date() }).where(and(eq(accountTokens.userId, user.id), isNull(accountTokens.usedAt)));
    await recordAuditEvent(tx, {
      action: "auth.account_claimed", actorId: user.id, ip,
      metadata: { provider, reason: "unverified_local_account" },
    });
    return user.id;
  });
  if (claimed) await closeUserSessionSockets(claimed);
  return claimed;
}
