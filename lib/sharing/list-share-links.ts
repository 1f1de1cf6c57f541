// The active (not revoked, not expired) share links of one document, newest first.
import { and, desc, eq, gt, isNull, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { shareLinks, users } from "@/db/schema";
import type { ShareKind } from "./share-targets";

export type ShareLinkItem = {
  id: string;
  createdAt: Date;
  expiresAt: Date | null;
  hasPassword: boolean;
  showNames: boolean;
  openCount: number;
  lastOpenedAt: Date | null;
  createdByName: string | null;
};

export async function listShareLinks(
  db: DbOrTx,
  { workspaceId, kind, docId, now = new Date() }: { workspaceId: string; kind: ShareKind; docId: string; now?: Date },
): Promise<ShareLinkItem[]> {
  const rows = await db
    .select({
      id: shareLinks.id,
      createdAt: shareLinks.createdAt,
      expiresAt: shareLinks.expiresAt,
      passwordHash: shareLinks.passwordHash,
      showNames: shareLinks.showNames,
      openCount: shareLinks.openCount,
      lastOpenedAt: shareLinks.lastOpenedAt,
      createdByName: users.name,
    })
    .from(shareLinks)
    .leftJoin(users, eq(users.id, shareLinks.createdBy))
    .where(
      and(
        eq(shareLinks.workspaceId, workspaceId),
        eq(shareLinks.docKind, kind),
        eq(shareLinks.docId, docId.toLowerCase()),
        isNull(shareLinks.revokedAt),
        or(isNull(shareLinks.expiresAt), gt(shareLinks.expiresAt, now)),
      ),
    )
    .orderBy(desc(shareLinks.createdAt), desc(shareLinks.id));
  return rows.map(({ passwordHash, ...r }) => ({ ...r, hasPassword: passwordHash !== null }));
}
