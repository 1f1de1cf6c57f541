"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { designFutureState } from "@/lib/maps/future-state/design-future-state";
import { ZMapId, ZMapTitle } from "@/lib/validations/maps";

/**
 * "Design the future state" (editors): creates the linked future-state map of a current map, or —
 * when the pair exists already — returns the existing future map (`created: false`).
 * `title` is the future map's title (the client builds the localized "… – future state").
 */
export const designFutureStateAction = workspaceAction("edit", z.object({ mapId: ZMapId, title: ZMapTitle }), async (input, { db, userId, access }) => {
  const result = await designFutureState(db, { workspaceId: access.workspaceId, mapId: input.mapId, userId, title: input.title });
  if (result.created) {
    await recordAuditEvent(db, { action: "map.future_state_designed", actorId: userId, workspaceId: access.workspaceId, targetType: "map", targetId: result.futureMapId, metadata: { from: input.mapId } });
    revalidatePath(`/w/${access.slug}/maps`);
  }
  return result;
});
