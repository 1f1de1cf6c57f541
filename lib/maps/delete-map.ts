// Soft-deletes a map (restorable for MAP_RESTORE_DAYS) and closes its open editing sessions.
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { journeyMaps } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { mapDocName } from "@/lib/live-documents/doc-name";
import { getLiveDocuments } from "@/lib/live-documents/port";
import { unlinkMapPair } from "./future-state/pairs";

export async function deleteMap(db: DbOrTx, { workspaceId, mapId, userId }: { workspaceId: string; mapId: string; userId: string | null }): Promise<void> {
  const rows = await db
    .update(journeyMaps)
    .set({ deletedAt: new Date(), updatedBy: userId })
    .where(and(eq(journeyMaps.id, mapId), eq(journeyMaps.workspaceId, workspaceId), isNull(journeyMaps.deletedAt)))
    .returning({ id: journeyMaps.id });
  if (rows.length === 0) throw new AppError("not_found");
  // A current ⇄ future pair ends with either map (a restored map comes back unpaired).
  await unlinkMapPair(db, mapId);
  // Connected editors on every instance are disconnected (4403): the document no longer resolves.
  await getLiveDocuments().documentDeleted(mapDocName(mapId));
}
