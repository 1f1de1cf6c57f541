// Reads the Auth.js session cookie outside Next.js (the /collab upgrade). Same secret, same salt.
import { decode } from "next-auth/jwt";

export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/**
 * Cookie header → name/value map. Never throws: a value that is not valid percent-encoding
 * (`%E0%A4`) is a cookie someone else set or tampered with, and is skipped — the caller is then
 * simply not signed in by it (401 / close 4401), not a server error.
 */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      // Malformed escape: not ours.
    }
  }
  return cookies;
}

export type CookieSession = { userId: string; sessionVersion: number; expiresAt: number | null };

/** The user id of a valid, unexpired session cookie, or null (the session version is NOT checked here). */
export async function userIdFromSessionCookie(cookieHeader: string | undefined): Promise<string | null> {
  return (await sessionFromCookie(cookieHeader))?.userId ?? null;
}

/** The session of a valid, unexpired cookie (user, session version, expiry in ms), or null. Handles chunked cookies (`name.0`, `name.1`…). */
export async function sessionFromCookie(cookieHeader: string | undefined): Promise<CookieSession | null> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) return null;
  const cookies = parseCookies(cookieHeader);
  for (const name of SESSION_COOKIE_NAMES) {
    let value = cookies.get(name);
    if (!value) {
      const chunks: string[] = [];
      for (let i = 0; cookies.has(`${name}.${i}`); i++) chunks.push(cookies.get(`${name}.${i}`)!);
      value = chunks.join("") || undefined;
    }
    if (!value) continue;
    try {
      const token = await decode({ token: value, secret, salt: name });
      if (token?.sub && (!token.exp || token.exp * 1000 > Date.now())) {
        return { userId: token.sub, sessionVersion: typeof token.sv === "number" ? token.sv : 0, expiresAt: token.exp ? token.exp * 1000 : null };
      }
    } catch {
      // A tampered or foreign cookie is simply not a session.
    }
  }
  return null;
}
