// Revokes a share link: the link answers 404 from now on and open shared views are closed at once
// (the sync service re-checks the document's share connections).
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { shareLinks } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { getLiveDocuments } from "@/lib/live-documents/port";
import type { ShareKind } from "./share-targets";
import { shareDocName } from "./share-targets";

/** The link's workspace and document, for authorising a revoke by link id; null when unknown. */
export async function findShareLinkById(db: Database, id: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const [row] = await db
    .select({ id: shareLinks.id, workspaceId: shareLinks.workspaceId, kind: shareLinks.docKind, docId: shareLinks.docId, revokedAt: shareLinks.revokedAt })
    .from(shareLinks)
    .where(eq(shareLinks.id, id.toLowerCase()));
  return row ? { ...row, kind: row.kind as ShareKind } : null;
}

export async function revokeShareLink(db: Database, { workspaceId, linkId }: { workspaceId: string; linkId: string }): Promise<{ kind: ShareKind; docId: string }> {
  const link = await findShareLinkById(db, linkId);
  if (!link || link.workspaceId !== workspaceId) throw new AppError("not_found");
  await db
    .update(shareLinks)
    .set({ revokedAt: new Date() })
    .where(and(eq(shareLinks.id, link.id), eq(shareLinks.workspaceId, workspaceId), isNull(shareLinks.revokedAt)));
  // Close open shared views now rather than at the next periodic re-check.
  await getLiveDocuments().documentDeleted(shareDocName(link.kind, link.docId));
  return { kind: link.kind, docId: link.docId };
}
