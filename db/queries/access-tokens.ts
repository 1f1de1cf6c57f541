// Personal access tokens, looked up by the hash of the presented secret.
import { and, eq, gt, isNull, or } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { personalAccessTokens } from "../schema";

/** The user id owning an active (unrevoked, unexpired) token with this hash, or null. */
export async function findActiveTokenUser(
  db: DbOrTx,
  tokenHash: string,
): Promise<{ userId: string; tokenId: string; scope: "read" | "read_write"; lastUsedAt: Date | null } | null> {
  const [row] = await db
    .select({ userId: personalAccessTokens.userId, tokenId: personalAccessTokens.id, scope: personalAccessTokens.scope, lastUsedAt: personalAccessTokens.lastUsedAt })
    .from(personalAccessTokens)
    .where(
      and(
        eq(personalAccessTokens.tokenHash, tokenHash),
        isNull(personalAccessTokens.revokedAt),
        or(isNull(personalAccessTokens.expiresAt), gt(personalAccessTokens.expiresAt, new Date())),
      ),
    )
    .limit(1);
  return row ?? null;
}
