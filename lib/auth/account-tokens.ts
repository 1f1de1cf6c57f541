// Single-use, expiring links sent by mail (e-mail verification, password reset). Only a SHA-256 of
// the secret is stored; consuming is one conditional UPDATE, so two clicks in parallel use it once.
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { accountTokens, users, type AccountToken } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { generateSecret, hashSecret } from "./secret-token";

export type AccountTokenPurpose = AccountToken["purpose"];

export const TOKEN_TTL_SECONDS: Record<AccountTokenPurpose, number> = {
  verify_email: 48 * 60 * 60,
  password_reset: 60 * 60,
};

/** Issues a new link secret for the user's current e-mail; earlier unused links of that purpose stop working. */
export async function issueAccountToken(db: DbOrTx, userId: string, email: string, purpose: AccountTokenPurpose): Promise<string> {
  const secret = generateSecret(purpose === "verify_email" ? "jb_ve" : "jb_pr");
  await db
    .update(accountTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(accountTokens.userId, userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
  await db.insert(accountTokens).values({
    userId, email, purpose, tokenHash: hashSecret(secret), expiresAt: new Date(Date.now() + TOKEN_TTL_SECONDS[purpose] * 1000),
  });
  return secret;
}

/**
 * Uses a link once: its user, or AppError `expired` / `already_used` / `not_found`. A link whose
 * address is no longer the account's address counts as used.
 */
export async function consumeAccountToken(db: DbOrTx, secret: string, purpose: AccountTokenPurpose): Promise<{ userId: string; email: string }> {
  if (typeof secret !== "string" || secret.length > 200) throw new AppError("not_found");
  const hash = hashSecret(secret);
  const [used] = await db
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(accountTokens.tokenHash, hash), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, sql`now()`)))
    .returning({ userId: accountTokens.userId, email: accountTokens.email });
  if (!used) {
    const [row] = await db.select().from(accountTokens).where(and(eq(accountTokens.tokenHash, hash), eq(accountTokens.purpose, purpose))).limit(1);
    if (!row) throw new AppError("not_found", "link_invalid");
    if (row.usedAt) throw new AppError("already_used", "link_used");
    throw new AppError("expired", "link_expired");
  }
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, used.userId)).limit(1);
  if (!user || user.email !== used.email) throw new AppError("already_used", "link_used");
  return used;
}
