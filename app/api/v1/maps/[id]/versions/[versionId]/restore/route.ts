// POST /api/v1/maps/{id}/versions/{versionId}/restore — restore a saved version (editors): the current
// state is saved as a version first (undo = restore that one), then the version's content is applied
// through the live document like PUT, so connected editors see it at once.
// → 200 {map: <export format>, savedVersionId}
import { findMapWorkspaceId } from "@/db/queries/maps";
import { apiRoute, requireWorkspaceById } from "@/lib/api/route";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { toExport } from "@/lib/maps/map-document";
import { restoreMapVersion } from "@/lib/maps/restore-map-version";

export const POST = apiRoute<{ id: string; versionId: string }>(async ({ db, caller, params }) => {
  const id = params.id.toLowerCase();
  const workspaceId = await findMapWorkspaceId(db, id);
  if (!workspaceId) throw new AppError("not_found");
  await requireWorkspaceById(db, caller, workspaceId, "edit");
  const { map, saved, version } = await restoreMapVersion(db, { workspaceId, mapId: id, versionId: params.versionId, userId: caller.userId });
  await recordAuditEvent(db, { action: "map.version_restored", actorId: caller.userId, workspaceId, targetType: "map", targetId: id, metadata: { versionId: version.id, savedVersionId: saved.id, via: "api" } });
  return Response.json({ map: toExport(map, id), savedVersionId: saved.id });
});
