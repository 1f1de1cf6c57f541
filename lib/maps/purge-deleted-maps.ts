// Hard-deletes maps whose restore window has passed: the row (projections cascade) and the
// document with its update log. Meant for a periodic job or server start; idempotent.
import { and, isNotNull, lt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { deleteDocument } from "@/db/queries/collab-documents";
import { MAP_RESTORE_DAYS } from "@/db/queries/maps";
import { journeyMaps } from "@/db/schema";
import { mapDocName } from "./map-documents";

/** Returns the number of maps removed for good. */
export async function purgeDeletedMaps(db: Database, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - MAP_RESTORE_DAYS * 24 * 60 * 60 * 1000);
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(journeyMaps)
      .where(and(isNotNull(journeyMaps.deletedAt), lt(journeyMaps.deletedAt, cutoff)))
      .returning({ id: journeyMaps.id });
    for (const { id } of gone) await deleteDocument(tx, mapDocName(id));
    return gone.length;
  });
}
