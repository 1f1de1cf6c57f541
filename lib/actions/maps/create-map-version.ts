"use server";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { createMapVersion, ZVersionLabel } from "@/lib/maps/map-versions";
import { ZMapId } from "@/lib/validations/maps";

/** Saves the map's current state as a named version (field errors are keys in `editor.history`). */
export const createMapVersionAction = workspaceAction("edit", z.object({ mapId: ZMapId, label: ZVersionLabel }), async (input, { db, userId, access }) => {
  const version = await createMapVersion(db, { workspaceId: access.workspaceId, mapId: input.mapId, label: input.label, userId });
  await recordAuditEvent(db, { action: "map.version_saved", actorId: userId, workspaceId: access.workspaceId, targetType: "map", targetId: input.mapId, metadata: { versionId: version.id, label: version.label } });
  return version;
});
