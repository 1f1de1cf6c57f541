// POST /api/v1/maps/{id}/metrics — data overlay: `[{touchpointId, kpi, value, at?}]` is stored as
// history (touchpoint_metrics) and the newest value of each KPI becomes its actual in the live
// document. An unknown touchpoint or KPI name → 422 naming the entry; nothing is stored then.
import { findMapWorkspaceId } from "@/db/queries/maps";
import { apiRoute, readJson, requireWorkspaceById } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { recordMapMetrics } from "@/lib/maps/record-map-metrics";
import { ZMetricsBody } from "@/lib/validations/maps";

export const POST = apiRoute<{ id: string }>(async ({ db, caller, params, request }) => {
  const id = params.id.toLowerCase();
  const workspaceId = await findMapWorkspaceId(db, id);
  if (!workspaceId) throw new AppError("not_found");
  await requireWorkspaceById(db, caller, workspaceId, "edit");
  const metrics = await readJson(request, ZMetricsBody, 500_000);
  const result = await recordMapMetrics(db, { workspaceId, mapId: id, metrics });
  return Response.json(result, { status: 201 });
});
