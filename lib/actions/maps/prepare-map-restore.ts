"use server";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { prepareMapRestore } from "@/lib/maps/restore-map-version";
import { ZMapId } from "@/lib/validations/maps";

/**
 * The editor's restore, step one (editors): saves the current state as a version and returns the
 * version's content, which the browser then applies in its live document with the user's undo origin.
 */
export const prepareMapRestoreAction = workspaceAction("edit", z.object({ mapId: ZMapId, versionId: z.uuid() }), async (input, { db, userId, access }) => {
  const { version, saved, data } = await prepareMapRestore(db, { workspaceId: access.workspaceId, mapId: input.mapId, versionId: input.versionId, userId });
  await recordAuditEvent(db, { action: "map.version_restored", actorId: userId, workspaceId: access.workspaceId, targetType: "map", targetId: input.mapId, metadata: { versionId: version.id, savedVersionId: saved.id, via: "editor" } });
  return { data, saved, version };
});
