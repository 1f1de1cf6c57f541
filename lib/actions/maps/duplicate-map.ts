"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { duplicateMap } from "@/lib/maps/duplicate-map";
import { ZMapId, ZMapTitle } from "@/lib/validations/maps";

/** `title` is the copy's title (the client builds the localized "… (copy)"). */
export const duplicateMapAction = workspaceAction("edit", z.object({ mapId: ZMapId, title: ZMapTitle }), async (input, { db, userId, access }) => {
  const copy = await duplicateMap(db, { workspaceId: access.workspaceId, mapId: input.mapId, userId, title: input.title });
  await recordAuditEvent(db, { action: "map.duplicated", actorId: userId, workspaceId: access.workspaceId, targetType: "map", targetId: copy.id, metadata: { from: input.mapId } });
  revalidatePath(`/w/${access.slug}/maps`);
  return { id: copy.id };
});
