// Reads the Auth.js session cookie outside Next.js (the /collab upgrade). Same secret, same salt.
import { decode } from "next-auth/jwt";

export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
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
