"use server";
import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/safe-action";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { deleteMap } from "@/lib/maps/delete-map";
import { restoreMap } from "@/lib/maps/restore-map";
import { ZMapRef } from "@/lib/validations/maps";

/** Soft delete: the map stays restorable for 30 days ("Recently deleted"). */
export const deleteMapAction = workspaceAction("edit", ZMapRef, async (input, { db, userId, access }) => {
  await deleteMap(db, { workspaceId: access.workspaceId, mapId: input.mapId, userId });
  await recordAuditEvent(db, { action: "map.deleted", actorId: userId, workspaceId: access.workspaceId, targetType: "map", targetId: input.mapId });
  revalidatePath(`/w/${access.slug}/maps`);
  return { deleted: true };
});

export const restoreMapAction = workspaceAction("edit", ZMapRef, async (input, { db, userId, access }) => {
  await restoreMap(db, { workspaceId: access.workspaceId, mapId: input.mapId, userId });
  await recordAuditEvent(db, { action: "map.restored", actorId: userId, workspaceId: access.workspaceId, targetType: "map", targetId: input.mapId });
  revalidatePath(`/w/${access.slug}/maps`);
  return { restored: true };
});
