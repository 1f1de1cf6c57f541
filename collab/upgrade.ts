// Deciding an upgrade request before any document is touched: Origin, credentials, document name,
// the document's workspace, and the caller's membership there.
import type { IncomingMessage } from "node:http";
import { z } from "zod";
import type { Database } from "@/db/client";
import { findAccessById } from "@/db/queries/memberships";
import type { Role } from "@/db/schema";
import { can } from "@/lib/auth/policy";
import { resolveCaller } from "@/lib/auth/resolve-caller";
import { findActiveShareLinkById } from "@/lib/sharing/open-share-link";
import { verifyShareCollabCredential } from "@/lib/sharing/share-credential";
import { CloseCode, type CloseCodeValue } from "./close-codes";
import { parseDocName, type DocRef } from "@/lib/live-documents/doc-name";
import { resolveDocumentWorkspace } from "@/lib/live-documents/resolve-document-workspace";

export { resolveDocumentWorkspace };

export type UpgradeGrant = {
  ok: true;
  doc: DocRef;
  workspaceId: string;
  userId: string;
  role: Role;
  readOnly: boolean;
  via: "session" | "token" | "share";
  tokenId?: string;
  sessionVersion?: number;
  sessionExpiresAt?: number | null;
  /** Set for the anonymous viewer of a share link (userId is then `share:{linkId}`). */
  shareLinkId?: string;
  /** Awareness (who is here, their names) is neither sent to nor taken from this connection. */
  hideAwareness?: boolean;
};
export type UpgradeRefusal = { ok: false; code: CloseCodeValue; reason: string; userId?: string };
export type UpgradeDecision = UpgradeGrant | UpgradeRefusal;

// `token` is the only query parameter we read; others (set by clients through `params`) are ignored.
// `share` carries a share link's signed collab credential (lib/sharing/share-credential.ts).
const ZQuery = z.object({ token: z.string().min(1).max(512).optional(), share: z.string().min(1).max(600).optional() });

/** Decides an upgrade request. Never throws for bad input; database errors propagate. */
export async function authorizeUpgrade(
  db: Database,
  req: IncomingMessage,
  options: { allowedOrigins: readonly string[] },
): Promise<UpgradeDecision> {
  const origin = req.headers.origin;
  if (origin !== undefined && !isOriginAllowed(origin, req.headers.host, options.allowedOrigins)) {
    return refuse(CloseCode.forbidden, "origin not allowed");
  }

  let url: URL;
  try {
    url = new URL(req.url ?? "/", "http://collab.invalid");
  } catch {
    return refuse(CloseCode.forbidden, "malformed url");
  }
  const query = ZQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) return refuse(CloseCode.unauthenticated, "malformed token");

  if (query.data.share !== undefined && query.data.token === undefined) return authorizeShareViewer(db, url.pathname, query.data.share);

  const caller = await resolveCaller(db, {
    authorization: req.headers.authorization,
    cookie: req.headers.cookie,
    queryToken: query.data.token,
  });
  if (!caller) return refuse(CloseCode.unauthenticated, "not signed in");

  const doc = docFromPath(url.pathname);
  if (!doc) return refuse(CloseCode.forbidden, "malformed document name", caller.userId);

  const workspaceId = await resolveDocumentWorkspace(db, doc);
  // Unknown and foreign documents answer alike, so a caller cannot probe which ids exist.
  if (!workspaceId) return refuse(CloseCode.forbidden, "no access", caller.userId);
  const access = await findAccessById(db, caller.userId, workspaceId);
  if (!access || !can(access.role, "read")) return refuse(CloseCode.forbidden, "no access", caller.userId);

  return {
    ok: true,
    doc,
    workspaceId,
    userId: caller.userId,
    role: access.role,
    // A read-scoped personal access token only ever reads.
    readOnly: !can(access.role, "edit") || caller.scope === "read",
    via: caller.via,
    tokenId: caller.tokenId,
    sessionVersion: caller.sessionVersion,
    sessionExpiresAt: caller.sessionExpiresAt,
  };
}

/**
 * An anonymous viewer through a share link: a valid, unexpired credential for exactly this
 * document, from a link that is still active, whose document is still in the link's workspace.
 * Always read-only; awareness hidden unless the link's creator allowed member names.
 */
async function authorizeShareViewer(db: Database, pathname: string, credential: string): Promise<UpgradeDecision> {
  const claim = verifyShareCollabCredential(credential);
  if (!claim) return refuse(CloseCode.unauthenticated, "invalid share credential");
  const doc = docFromPath(pathname);
  if (!doc || doc.name !== claim.docName) return refuse(CloseCode.forbidden, "share credential for another document");
  const link = await findActiveShareLinkById(db, claim.linkId);
  if (!link || `${link.kind}:${link.docId}` !== doc.name) return refuse(CloseCode.forbidden, "share link not active");
  const workspaceId = await resolveDocumentWorkspace(db, doc);
  if (!workspaceId || workspaceId !== link.workspaceId) return refuse(CloseCode.forbidden, "no access");
  return {
    ok: true,
    doc,
    workspaceId,
    userId: `share:${link.id}`,
    role: "viewer",
    readOnly: true,
    via: "share",
    shareLinkId: link.id,
    hideAwareness: !link.showNames,
  };
}

/** `/collab/{docName}` → the document, or null (extra path segments, bad escapes, foreign names). */
export function docFromPath(pathname: string): DocRef | null {
  const match = /^\/collab\/([^/]+)$/.exec(pathname);
  if (!match) return null;
  let name: string;
  try {
    name = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  return parseDocName(name);
}

/**
 * A browser's Origin must be the host the request came to (http or https), or one of the
 * configured origins (deployments behind a proxy that rewrites Host). Cross-site WebSocket
 * hijacking is the threat: browsers send cookies with cross-origin upgrades.
 */
export function isOriginAllowed(origin: string, host: string | undefined, allowedOrigins: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false; // includes the opaque origin "null"
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return false;
  if (host && parsed.host === host.toLowerCase()) return true;
  const normalized = `${parsed.protocol}//${parsed.host}`;
  return allowedOrigins.some((allowed) => normalizeOrigin(allowed) === normalized);
}

/** Parses ALLOWED_ORIGINS (comma-separated) into normalised origins. */
export function parseAllowedOrigins(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((s) => normalizeOrigin(s.trim()))
    .filter((s): s is string => Boolean(s));
}

function normalizeOrigin(value: string): string | null {
  try {
    const url = new URL(value);
    return `${url.protocol}//${url.host}`;
  } catch {
    return null;
  }
}

function refuse(code: CloseCodeValue, reason: string, userId?: string): UpgradeRefusal {
  return { ok: false, code, reason, userId };
}
