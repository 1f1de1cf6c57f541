// GET /api/v1/maps/{id}/versions/{versionId} — that version of the map in the export format
// `journeyboard.map/v1` (CONTRACT §7), plus `version: {id, name, kind, createdAt}`
import { findMapWorkspaceId } from "@/db/queries/maps";
import { apiRoute, requireWorkspaceById } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { toExport } from "@/lib/maps/map-document";
import { loadMapVersion } from "@/lib/maps/map-versions";

export const GET = apiRoute<{ id: string; versionId: string }>(async ({ db, caller, params }) => {
  const id = params.id.toLowerCase();
  const workspaceId = await findMapWorkspaceId(db, id);
  if (!workspaceId) throw new AppError("not_found");
  await requireWorkspaceById(db, caller, workspaceId, "read");
  const { version, doc } = await loadMapVersion(db, { workspaceId, mapId: id, versionId: params.versionId });
  const body = { ...toExport(doc, id), version: { id: version.id, name: version.label, kind: version.kind, createdAt: version.createdAt } };
  doc.destroy();
  return Response.json(body);
});
