// Who is asking? For requests outside Auth.js's own helpers (REST API, /collab upgrade):
// a bearer personal access token (header or `?token=`), else the session cookie.
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { findActiveTokenUser } from "@/db/queries/access-tokens";
import { personalAccessTokens } from "@/db/schema";
import { hashSecret } from "./secret-token";
import { userIdFromSessionCookie } from "./session-cookie";

export type Caller = { userId: string; via: "session" | "token"; tokenId?: string };

export type CallerCredentials = {
  authorization?: string | null;
  cookie?: string | null;
  /** `?token=` for clients that cannot set headers (WebSocket in browsers). */
  queryToken?: string | null;
};

/** Resolves the caller, or null when no valid credential is presented. An invalid bearer token never falls back to the cookie. */
export async function resolveCaller(db: Database, creds: CallerCredentials): Promise<Caller | null> {
  const bearer = creds.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? creds.queryToken ?? null;
  if (bearer) {
    const found = await findActiveTokenUser(db, hashSecret(bearer));
    if (!found) return null;
    // Best effort: last use is informative, not worth failing a request over.
    void db.update(personalAccessTokens).set({ lastUsedAt: new Date() }).where(eq(personalAccessTokens.id, found.tokenId)).catch(() => {});
    return { userId: found.userId, via: "token", tokenId: found.tokenId };
  }
  const userId = await userIdFromSessionCookie(creds.cookie ?? undefined);
  return userId ? { userId, via: "session" } : null;
}
