// Opening a share link without an account: resolves the secret from the URL to an active link
// (revoked, expired, or a deleted document → null, which the page turns into 404), checks the
// password with throttling, and records opens (count + audit log).
import { and, eq, gt, isNull, or, sql } from "drizzle-orm";
import { RateLimiterMemory } from "rate-limiter-flexible";
import type { Database, DbOrTx } from "@/db/client";
import { shareLinks } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { hashSecret } from "@/lib/auth/secret-token";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { findShareTargetWorkspace, type ShareKind } from "./share-targets";

export type ActiveShareLink = {
  id: string;
  workspaceId: string;
  kind: ShareKind;
  docId: string;
  hasPassword: boolean;
  showNames: boolean;
  expiresAt: Date | null;
};

const SECRET_SHAPE = /^jbs_[A-Za-z0-9_-]{20,64}$/;

/** The active link for the secret in a URL, or null (unknown, revoked, expired, document gone). */
export async function findActiveShareLink(db: DbOrTx, secret: string, now = new Date()): Promise<(ActiveShareLink & { passwordHash: string | null }) | null> {
  if (!SECRET_SHAPE.test(secret)) return null;
  const [row] = await db
    .select()
    .from(shareLinks)
    .where(and(eq(shareLinks.tokenHash, hashSecret(secret)), isNull(shareLinks.revokedAt), or(isNull(shareLinks.expiresAt), gt(shareLinks.expiresAt, now))));
  if (!row) return null;
  return toActive(db, row);
}

/** The same by link id (the collab credential names the link by id). */
export async function findActiveShareLinkById(db: DbOrTx, id: string, now = new Date()): Promise<(ActiveShareLink & { passwordHash: string | null }) | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const [row] = await db
    .select()
    .from(shareLinks)
    .where(and(eq(shareLinks.id, id.toLowerCase()), isNull(shareLinks.revokedAt), or(isNull(shareLinks.expiresAt), gt(shareLinks.expiresAt, now))));
  return row ? toActive(db, row) : null;
}

async function toActive(db: DbOrTx, row: typeof shareLinks.$inferSelect) {
  const kind = row.docKind as ShareKind;
  // A soft-deleted (or moved) document ends its links too.
  if ((await findShareTargetWorkspace(db, kind, row.docId)) !== row.workspaceId) return null;
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    kind,
    docId: row.docId,
    hasPassword: row.passwordHash !== null,
    passwordHash: row.passwordHash,
    showNames: row.showNames,
    expiresAt: row.expiresAt,
  };
}

const G = globalThis as unknown as { __jbShareLimiters?: { byLink: RateLimiterMemory; byIp: RateLimiterMemory } };
const limiters = (G.__jbShareLimiters ??= {
  // 5 wrong passwords per link and IP per 15 minutes; 30 per IP across links per hour.
  byLink: new RateLimiterMemory({ keyPrefix: "share_link", points: 5, duration: 15 * 60 }),
  byIp: new RateLimiterMemory({ keyPrefix: "share_ip", points: 30, duration: 60 * 60 }),
});

export type PasswordCheck = { ok: true } | { ok: false; reason: "wrong" } | { ok: false; reason: "throttled"; retryAfter: number };

/** Checks a share link's password; wrong attempts are counted and throttled per link+IP and per IP. */
export async function checkShareLinkPassword(link: { id: string; passwordHash: string | null }, password: string, ip: string): Promise<PasswordCheck> {
  const [a, b] = await Promise.all([limiters.byLink.get(`${link.id}|${ip}`), limiters.byIp.get(ip)]);
  const blocked = [a, b].filter((r) => !!r && r.remainingPoints <= 0);
  if (blocked.length) return { ok: false, reason: "throttled", retryAfter: Math.ceil(Math.max(...blocked.map((r) => r!.msBeforeNext)) / 1000) };
  if (!link.passwordHash) return { ok: true };
  if (password.length <= 200 && (await verifyPassword(password, link.passwordHash))) {
    await limiters.byLink.delete(`${link.id}|${ip}`);
    return { ok: true };
  }
  await Promise.all([limiters.byLink.penalty(`${link.id}|${ip}`, 1), limiters.byIp.penalty(ip, 1)]);
  return { ok: false, reason: "wrong" };
}

/** Counts an open of the shared view and writes it to the workspace's audit log. */
export async function recordShareLinkOpen(db: Database, link: ActiveShareLink, ip: string | null): Promise<void> {
  await db.update(shareLinks).set({ openCount: sql`${shareLinks.openCount} + 1`, lastOpenedAt: new Date() }).where(eq(shareLinks.id, link.id));
  await recordAuditEvent(db, { action: "share_link.opened", workspaceId: link.workspaceId, targetType: link.kind, targetId: link.docId, ip, metadata: { linkId: link.id } });
}
