// Who is asking? For requests outside Auth.js's own helpers (REST API, /collab upgrade):
// a bearer personal access token (header or `?token=`), else the session cookie.
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { findActiveTokenUser } from "@/db/queries/access-tokens";
import { personalAccessTokens, users } from "@/db/schema";
import { hashSecret } from "./secret-token";
import { sessionFromCookie } from "./session-cookie";

export type Caller = {
  userId: string;
  via: "session" | "token";
  tokenId?: string;
  /** Token callers: what the token may do (read tokens never write). */
  scope?: "read" | "read_write";
  /** Session callers: the session version in the cookie (sockets close when it is no longer current) and its expiry (ms). */
  sessionVersion?: number;
  sessionExpiresAt?: number | null;
};

export type CallerCredentials = {
  authorization?: string | null;
  cookie?: string | null;
  /** `?token=` for clients that cannot set headers (WebSocket in browsers). */
  queryToken?: string | null;
};

/** A token's "last used" is kept to the minute. */
const LAST_USED_PRECISION_MS = 60_000;

/** Resolves the caller, or null when no valid credential is presented. An invalid bearer token never falls back to the cookie. */
export async function resolveCaller(db: Database, creds: CallerCredentials): Promise<Caller | null> {
  const bearer = creds.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? creds.queryToken ?? null;
  if (bearer) {
    const found = await findActiveTokenUser(db, hashSecret(bearer));
    if (!found) return null;
    // Best effort: last use is informative, not worth failing a request over — nor a write (and a
    // WAL flush) per request: a script or a reconnecting crowd uses a token many times a minute.
    if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
      void db.update(personalAccessTokens).set({ lastUsedAt: new Date() }).where(eq(personalAccessTokens.id, found.tokenId)).catch(() => {});
    }
    return { userId: found.userId, via: "token", tokenId: found.tokenId, scope: found.scope };
  }
  const session = await sessionFromCookie(creds.cookie ?? undefined);
  if (!session) return null;
  // "Sign out everywhere", a password change or reset bump the version: older cookies are dead.
  const [user] = await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, session.userId)).limit(1);
  if (!user || user.sessionVersion !== session.sessionVersion) return null;
  return { userId: session.userId, via: "session", sessionVersion: session.sessionVersion, sessionExpiresAt: session.expiresAt };
}
