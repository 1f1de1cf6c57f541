// A user's personal access tokens, for the account page (never the hash).
import { and, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { personalAccessTokens } from "../schema";

/** The user's unrevoked tokens (expired ones included, marked by their date), newest first. */
export async function listAccessTokens(db: DbOrTx, userId: string) {
  return db
    .select({
      id: personalAccessTokens.id, name: personalAccessTokens.name, prefix: personalAccessTokens.prefix,
      expiresAt: personalAccessTokens.expiresAt, lastUsedAt: personalAccessTokens.lastUsedAt, createdAt: personalAccessTokens.createdAt,
    })
    .from(personalAccessTokens)
    .where(and(eq(personalAccessTokens.userId, userId), isNull(personalAccessTokens.revokedAt)))
    .orderBy(desc(personalAccessTokens.createdAt));
}
