// GET /api/v1/maps/{id}/versions/{versionId}/compare?with={otherVersionId} — what changed from this
// version to the other one (or to the map now without `with`): touchpoints added/removed/changed
// (incl. text lanes, pain points, opportunities), KPIs, gaps, stages, average emotion
import { findMapWorkspaceId } from "@/db/queries/maps";
import { apiRoute, requireWorkspaceById } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { compareMapVersions } from "@/lib/maps/map-versions";

export const GET = apiRoute<{ id: string; versionId: string }>(async ({ db, caller, params, request }) => {
  const id = params.id.toLowerCase();
  const workspaceId = await findMapWorkspaceId(db, id);
  if (!workspaceId) throw new AppError("not_found");
  await requireWorkspaceById(db, caller, workspaceId, "read");
  const other = new URL(request.url).searchParams.get("with");
  return Response.json(await compareMapVersions(db, { workspaceId, mapId: id, fromId: params.versionId, toId: other || null }));
});
