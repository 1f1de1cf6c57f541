// POST /api/v1/maps/{id}/metrics — data overlay: `[{scope?, touchpointId?, kpi, value, at?}]` is stored
// as history (touchpoint_metrics) and the newest value of each KPI becomes its actual in the live
// document. An unknown touchpoint or KPI → 422 naming the entry; nothing is stored then.
// GET /api/v1/maps/{id}/metrics — the stored history as series (viewers too).
import { findMapWorkspaceId } from "@/db/queries/maps";
import { apiRoute, readJson, requireWorkspaceById } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { getKpiHistory } from "@/lib/maps/get-kpi-history";
import { recordMapMetrics } from "@/lib/maps/record-map-metrics";
import { ZMetricsBody, ZMetricsQuery } from "@/lib/validations/maps";

export const POST = apiRoute<{ id: string }>(async ({ db, caller, params, request }) => {
  const id = params.id.toLowerCase();
  const workspaceId = await findMapWorkspaceId(db, id);
  if (!workspaceId) throw new AppError("not_found");
  await requireWorkspaceById(db, caller, workspaceId, "edit");
  const metrics = await readJson(request, ZMetricsBody, 500_000);
  const result = await recordMapMetrics(db, { workspaceId, mapId: id, metrics });
  return Response.json(result, { status: 201 });
});

export const GET = apiRoute<{ id: string }>(async ({ db, caller, params, request }) => {
  const id = params.id.toLowerCase();
  const workspaceId = await findMapWorkspaceId(db, id);
  if (!workspaceId) throw new AppError("not_found");
  await requireWorkspaceById(db, caller, workspaceId, "read");
  const url = new URL(request.url);
  const query = ZMetricsQuery.parse(Object.fromEntries(url.searchParams));
  const since = query.since ? new Date(query.since.length === 10 ? `${query.since}T00:00:00Z` : query.since) : undefined;
  const series = await getKpiHistory(db, { workspaceId, mapId: id, scope: query.scope, touchpointId: query.touchpointId, kpi: query.kpi, since });
  return Response.json({ series });
});
