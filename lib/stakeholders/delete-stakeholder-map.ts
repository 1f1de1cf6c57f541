// Soft-deletes a stakeholder map (restorable; document kept until purged) and restores it.
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { stakeholderMaps } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";

export type DeleteStakeholderMapOptions = { workspaceId: string; mapId: string; userId: string | null };

export async function deleteStakeholderMap(db: DbOrTx, { workspaceId, mapId, userId }: DeleteStakeholderMapOptions): Promise<void> {
  const rows = await db
    .update(stakeholderMaps)
    .set({ deletedAt: new Date() })
    .where(and(eq(stakeholderMaps.id, mapId), eq(stakeholderMaps.workspaceId, workspaceId), isNull(stakeholderMaps.deletedAt)))
    .returning({ id: stakeholderMaps.id, title: stakeholderMaps.title });
  if (rows.length === 0) throw new AppError("not_found");
  await recordAuditEvent(db, { action: "stakeholder_map.deleted", actorId: userId, workspaceId, targetType: "stakeholder_map", targetId: mapId, metadata: { title: rows[0].title } });
}

/** Undoes a delete. */
export async function restoreStakeholderMap(db: DbOrTx, { workspaceId, mapId }: Omit<DeleteStakeholderMapOptions, "userId">): Promise<void> {
  const rows = await db
    .update(stakeholderMaps)
    .set({ deletedAt: null })
    .where(and(eq(stakeholderMaps.id, mapId), eq(stakeholderMaps.workspaceId, workspaceId), isNotNull(stakeholderMaps.deletedAt)))
    .returning({ id: stakeholderMaps.id });
  if (rows.length === 0) throw new AppError("not_found");
}
