// Renames a map: the title lives in the document (open editors see it at once); the row follows.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { findMap } from "@/db/queries/maps";
import { journeyMaps } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { setTitle } from "./map-document";
import { editMapDocument } from "./map-documents";

export type RenameMapOptions = { workspaceId: string; mapId: string; title: string; userId: string | null };

export async function renameMap(db: Database, { workspaceId, mapId, title, userId }: RenameMapOptions): Promise<void> {
  if (!(await findMap(db, workspaceId, mapId))) throw new AppError("not_found");
  await editMapDocument(db, workspaceId, mapId, (doc) => setTitle(doc, title));
  // The projection hook will write the same; updating now keeps the list right without waiting for it.
  await db
    .update(journeyMaps)
    .set({ title, updatedAt: new Date(), updatedBy: userId })
    .where(and(eq(journeyMaps.id, mapId), eq(journeyMaps.workspaceId, workspaceId)));
}
