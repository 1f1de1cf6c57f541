// Signed unsubscribe links: anyone holding the link may turn off that user's notification e-mails
// without signing in (a mail client's one-click unsubscribe), and nobody can forge one for
// another user. HMAC-SHA256 with AUTH_SECRET over a purpose-prefixed user id.
import { createHmac, timingSafeEqual } from "node:crypto";

function secret(): string {
  const s = process.env.AUTH_SECRET;
  if (!s) throw new Error("AUTH_SECRET is not set (it is generated at start-up in embedded mode)");
  return s;
}

/** Whether links can be signed here (the app always can; a script may run without AUTH_SECRET). */
export function canSignUnsubscribeLinks(): boolean {
  return Boolean(process.env.AUTH_SECRET);
}

export function unsubscribeToken(userId: string): string {
  return createHmac("sha256", secret()).update(`journeyboard:unsubscribe:${userId}`).digest("base64url");
}

export function verifyUnsubscribeToken(userId: string, token: string): boolean {
  const expected = Buffer.from(unsubscribeToken(userId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The link in every notification e-mail. */
export function unsubscribeUrl(baseUrl: string, userId: string): string {
  return `${baseUrl}/unsubscribe?u=${encodeURIComponent(userId)}&t=${unsubscribeToken(userId)}`;
}
