// Access of open connections follows membership changes: the app calls refreshMember /
// refreshDocument in-process right after a change, and a periodic pass catches changes made by
// another process (a separate collab process, another instance, a revoked token).
import { and, gt, inArray, isNull, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { findAccessById } from "@/db/queries/memberships";
import { personalAccessTokens, users } from "@/db/schema";
import { can } from "@/lib/auth/policy";
import { findActiveShareLinkById } from "@/lib/sharing/open-share-link";
import { CloseCode } from "./close-codes";
import { parseDocName } from "@/lib/live-documents/doc-name";
import type { Logger } from "./logger";
import type { DocumentRegistry } from "./rooms";
import { resolveDocumentWorkspace } from "./upgrade";

type Deps = { db: Database; registry: DocumentRegistry; logger: Logger };

/** Re-reads one membership: removed → that user's connections close (4403); viewer → read-only; else writable. */
export async function recheckMember(deps: Deps, workspaceId: string, userId: string): Promise<void> {
  const conns = [...deps.registry.connections({ userId, workspaceId })].filter((c) => !c.shareLinkId);
  if (conns.length === 0) return;
  const access = await findAccessById(deps.db, userId, workspaceId);
  for (const conn of conns) {
    if (!access || !can(access.role, "read")) {
      deps.logger.info("access_revoked", conn.logFields());
      conn.close(CloseCode.forbidden, "access removed");
    } else {
      conn.setReadOnly(!can(access.role, "edit"));
    }
  }
}

/**
 * Closes (4401) the user's cookie-authenticated connections whose session ended: its version is
 * no longer the user's (sign out everywhere, password change or reset) or it expired.
 */
export async function recheckUserSessions(deps: Deps, userIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return;
  const rows = await deps.db.select({ id: users.id, sessionVersion: users.sessionVersion }).from(users).where(inArray(users.id, ids));
  const current = new Map(rows.map((r) => [r.id, r.sessionVersion]));
  const now = Date.now();
  for (const id of ids) {
    for (const conn of [...deps.registry.connections({ userId: id })]) {
      if (conn.via !== "session") continue;
      const stale = current.get(id) !== conn.sessionVersion || (conn.sessionExpiresAt != null && conn.sessionExpiresAt <= now);
      if (stale) {
        deps.logger.info("session_ended", conn.logFields());
        conn.close(CloseCode.unauthenticated, "session ended");
      }
    }
  }
}

/** Re-resolves a document: deleted (or moved to another workspace) → its connections close (4403). */
export async function recheckDocument(deps: Deps, docName: string): Promise<void> {
  const doc = parseDocName(docName);
  const room = doc && deps.registry.rooms.get(doc.name);
  if (!doc || !room) return;
  const workspaceId = await resolveDocumentWorkspace(deps.db, doc);
  if (workspaceId !== room.workspaceId) {
    deps.logger.info("document_gone", { doc: doc.name });
    deps.registry.closeDocument(doc.name, CloseCode.forbidden, "document removed");
    return;
  }
  await recheckShareViewers(deps, [...room.connections]);
}

/** Share-link viewers whose link was revoked or expired are closed (4403). */
async function recheckShareViewers(deps: Deps, conns: Iterable<import("./connection").Connection>): Promise<void> {
  const byLink = new Map<string, import("./connection").Connection[]>();
  for (const conn of conns) if (conn.shareLinkId) byLink.set(conn.shareLinkId, [...(byLink.get(conn.shareLinkId) ?? []), conn]);
  for (const [linkId, list] of byLink) {
    const link = await findActiveShareLinkById(deps.db, linkId);
    for (const conn of list) {
      if (!link || `${link.kind}:${link.docId}` !== conn.room.name) {
        deps.logger.info("share_link_ended", conn.logFields());
        conn.close(CloseCode.forbidden, "share link ended");
      }
    }
  }
}

/** The periodic pass: every (workspace, user) pair, every bearer token and every document in use. */
export async function recheckAll(deps: Deps): Promise<void> {
  const members = new Map<string, { workspaceId: string; userId: string }>();
  const tokenIds = new Set<string>();
  for (const conn of deps.registry.connections()) {
    if (conn.shareLinkId) continue; // re-checked per document below
    members.set(`${conn.workspaceId}\u0000${conn.userId}`, { workspaceId: conn.workspaceId, userId: conn.userId });
    if (conn.tokenId) tokenIds.add(conn.tokenId);
  }
  for (const { workspaceId, userId } of members.values()) await recheckMember(deps, workspaceId, userId);
  await recheckUserSessions(deps, [...members.values()].map((m) => m.userId));

  if (tokenIds.size > 0) {
    const active = await deps.db
      .select({ id: personalAccessTokens.id })
      .from(personalAccessTokens)
      .where(
        and(
          inArray(personalAccessTokens.id, [...tokenIds]),
          isNull(personalAccessTokens.revokedAt),
          or(isNull(personalAccessTokens.expiresAt), gt(personalAccessTokens.expiresAt, new Date())),
        ),
      );
    const stillActive = new Set(active.map((r) => r.id));
    for (const conn of [...deps.registry.connections()]) {
      if (conn.tokenId && !stillActive.has(conn.tokenId)) {
        deps.logger.info("token_revoked", conn.logFields());
        conn.close(CloseCode.unauthenticated, "token revoked");
      }
    }
  }

  for (const name of [...deps.registry.rooms.keys()]) {
    if ((deps.registry.rooms.get(name)?.connections.size ?? 0) > 0) await recheckDocument(deps, name);
  }
}

