// Which workspace a document belongs to, read from the rows that own it (not the document store):
// the sync service checks it before loading a room, the live-documents port before a stored edit.
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { journeyMaps, personas, stakeholderMaps } from "@/db/schema";
import type { DocRef } from "./doc-name";

/** The workspace of a live (not soft-deleted) map, persona or stakeholder map, or null. */
export async function resolveDocumentWorkspace(db: DbOrTx, doc: DocRef): Promise<string | null> {
  const rows =
    doc.kind === "map"
      ? await db.select({ workspaceId: journeyMaps.workspaceId }).from(journeyMaps)
          .where(and(eq(journeyMaps.id, doc.id), isNull(journeyMaps.deletedAt))).limit(1)
      : doc.kind === "persona"
        ? await db.select({ workspaceId: personas.workspaceId }).from(personas)
            .where(and(eq(personas.id, doc.id), isNull(personas.deletedAt))).limit(1)
        : await db.select({ workspaceId: stakeholderMaps.workspaceId }).from(stakeholderMaps)
            .where(and(eq(stakeholderMaps.id, doc.id), isNull(stakeholderMaps.deletedAt))).limit(1);
  return rows[0]?.workspaceId ?? null;
}

