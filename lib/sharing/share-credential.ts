// Short-lived signed credentials for a share link, derived from the server's AUTH_SECRET:
//   - the collab credential lets the public page connect to /collab as a viewer of exactly one
//     document (collab/upgrade.ts verifies it and re-checks the link on every periodic pass);
//   - the unlock value proves, in a cookie, that this browser gave the link's password.
// HMAC-SHA-256 over a small JSON payload; no secret of the link itself ever leaves the server.
import { createHmac, timingSafeEqual } from "node:crypto";

/** Collab credentials live one hour; the shared view renews them while it is open. */
export const SHARE_COLLAB_TTL_MS = 60 * 60 * 1000;
/** A given password is remembered for 12 hours in this browser. */
export const SHARE_UNLOCK_TTL_MS = 12 * 60 * 60 * 1000;

type CollabPayload = { p: "collab"; l: string; d: string; e: number };
type UnlockPayload = { p: "unlock"; l: string; e: number };

function key(): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  return secret;
}

function sign(payload: object): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  const mac = createHmac("sha256", `share-link:${key()}`).update(body).digest("base64url");
  return `${body}.${mac}`;
}

function verify<T extends { e: number }>(value: string | null | undefined, now: number): T | null {
  if (!value || value.length > 600) return null;
  const dot = value.indexOf(".");
  if (dot <= 0) return null;
  const body = value.slice(0, dot);
  let expected: Buffer;
  try {
    expected = createHmac("sha256", `share-link:${key()}`).update(body).digest();
  } catch {
    return null;
  }
  const given = Buffer.from(value.slice(dot + 1), "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as T;
    return typeof payload.e === "number" && payload.e > now ? payload : null;
  } catch {
    return null;
  }
}

export function signShareCollabCredential(linkId: string, docName: string, now = Date.now()): { credential: string; expiresAt: number } {
  const e = now + SHARE_COLLAB_TTL_MS;
  return { credential: sign({ p: "collab", l: linkId, d: docName, e } satisfies CollabPayload), expiresAt: e };
}

/** The link id and document a collab credential was issued for, or null (forged, expired, other purpose). */
export function verifyShareCollabCredential(value: string | null | undefined, now = Date.now()): { linkId: string; docName: string } | null {
  const p = verify<CollabPayload>(value, now);
  return p && p.p === "collab" && typeof p.l === "string" && typeof p.d === "string" ? { linkId: p.l, docName: p.d } : null;
}

export function signShareUnlock(linkId: string, now = Date.now()): string {
  return sign({ p: "unlock", l: linkId, e: now + SHARE_UNLOCK_TTL_MS } satisfies UnlockPayload);
}

export function verifyShareUnlock(value: string | null | undefined, linkId: string, now = Date.now()): boolean {
  const p = verify<UnlockPayload>(value, now);
  return !!p && p.p === "unlock" && p.l === linkId;
}

/** The cookie that remembers a given password for one link (scoped to the shared view's path). */
export const shareUnlockCookieName = (linkId: string) => `jb_share_${linkId.replace(/-/g, "")}`;
