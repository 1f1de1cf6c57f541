// Revokes one of the user's personal access tokens; it stops working at once.
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { personalAccessTokens } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";

export type RevokeAccessTokenOptions = { userId: string; tokenId: string; ip?: string | null };

export async function revokeAccessToken(db: Database, { userId, tokenId, ip }: RevokeAccessTokenOptions) {
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(personalAccessTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(personalAccessTokens.id, tokenId), eq(personalAccessTokens.userId, userId), isNull(personalAccessTokens.revokedAt)))
      .returning({ id: personalAccessTokens.id, name: personalAccessTokens.name });
    // Another user's token answers like a missing one.
    if (!revoked) throw new AppError("not_found");
    await recordAuditEvent(tx, { action: "token.revoked", actorId: userId, targetType: "token", targetId: revoked.id, ip, metadata: { name: revoked.name } });
  });
}
