// Restores a soft-deleted map within the restore window.
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { findRestorableMap } from "@/db/queries/maps";
import { journeyMaps } from "@/db/schema";
import { AppError } from "@/lib/errors";

export async function restoreMap(db: DbOrTx, { workspaceId, mapId, userId }: { workspaceId: string; mapId: string; userId: string | null }): Promise<void> {
  if (!(await findRestorableMap(db, workspaceId, mapId))) throw new AppError("not_found");
  await db
    .update(journeyMaps)
    .set({ deletedAt: null, updatedAt: new Date(), updatedBy: userId })
    .where(and(eq(journeyMaps.id, mapId), eq(journeyMaps.workspaceId, workspaceId)));
}
