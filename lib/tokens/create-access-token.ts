// Creates a personal access token. The secret is returned once; only its SHA-256 is stored.
import { and, count, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { personalAccessTokens } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { generateSecret, hashSecret } from "@/lib/auth/secret-token";
import { AppError } from "@/lib/errors";

export const TOKEN_PREFIX = "jb_pat";
/** Characters of the token shown in lists ("jb_pat_AbC1"). */
const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 5;
export const MAX_ACTIVE_TOKENS = 50;

export type CreateAccessTokenOptions = {
  userId: string;
  name: string;
  /** Lifetime in days, 1 to 365: every token expires. */
  expiresInDays: number;
  /** `read` tokens never write (the API wrapper and /collab enforce it). Default read_write for callers that predate scopes. */
  scope?: "read" | "read_write";
  ip?: string | null;
  now?: Date;
};

export const MAX_TOKEN_DAYS = 365;

export async function createAccessToken(db: Database, { userId, name, expiresInDays, scope = "read_write", ip, now = new Date() }: CreateAccessTokenOptions) {
  if (!Number.isInteger(expiresInDays) || expiresInDays < 1 || expiresInDays > MAX_TOKEN_DAYS) {
    throw new AppError("invalid_input", "token_expiry_required", { expiresInDays: "token_expiry_required" });
  }
  return db.transaction(async (tx) => {
    const [{ n }] = await tx
      .select({ n: count() })
      .from(personalAccessTokens)
      .where(and(eq(personalAccessTokens.userId, userId), isNull(personalAccessTokens.revokedAt)));
    if (n >= MAX_ACTIVE_TOKENS) throw new AppError("conflict", "token_limit", { name: "token_limit" });
    const token = generateSecret(TOKEN_PREFIX);
    const expiresAt = new Date(now.getTime() + expiresInDays * 24 * 60 * 60 * 1000);
    const [row] = await tx
      .insert(personalAccessTokens)
      .values({ userId, name, tokenHash: hashSecret(token), prefix: token.slice(0, SHOWN_PREFIX_LENGTH), expiresAt, scope, createdAt: now })
      .returning({ id: personalAccessTokens.id, name: personalAccessTokens.name, prefix: personalAccessTokens.prefix, expiresAt: personalAccessTokens.expiresAt, scope: personalAccessTokens.scope });
    await recordAuditEvent(tx, {
      action: "token.created", actorId: userId, targetType: "token", targetId: row.id, ip, metadata: { name, expiresInDays, scope },
    });
    return { ...row, token };
  });
}
