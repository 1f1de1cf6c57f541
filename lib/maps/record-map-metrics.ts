// Data overlay (REST POST /maps/{id}/metrics): measured KPI values are kept as a history in
// touchpoint_metrics, and the newest value of each KPI becomes its `actual` in the document.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { touchpointMetrics } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { readMap, setKpiActualByName, type MapData } from "./map-document";
import { editMapDocument, readMapDocument } from "./map-documents";
import { projectMap } from "./project-map";

export type MetricInput = { touchpointId: string; kpi: string; value: number; at?: string };

/** Throws AppError("invalid_input") naming the first entry whose touchpoint or KPI does not exist; stores nothing then. */
export async function recordMapMetrics(
  db: Database,
  { workspaceId, mapId, metrics }: { workspaceId: string; mapId: string; metrics: MetricInput[] },
): Promise<{ stored: number; updatedKpis: number }> {
  const current = readMap(await readMapDocument(db, workspaceId, mapId));
  const byId = new Map(current.touchpoints.map((t) => [t.id, t]));
  const fields: Record<string, string> = {};
  metrics.forEach((m, i) => {
    const tp = byId.get(m.touchpointId);
    if (!tp) fields[`${i}.touchpointId`] ??= "no touchpoint with this id on the map";
    else if (!tp.kpis.some((k) => k.name.trim().toLowerCase() === m.kpi.trim().toLowerCase())) fields[`${i}.kpi`] ??= "no KPI with this name on the touchpoint";
  });
  const firstBad = Object.keys(fields)[0];
  if (firstBad) throw new AppError("invalid_input", `${firstBad}: ${fields[firstBad]}`, fields);

  const now = new Date();
  const rows = metrics.map((m) => ({ workspaceId, mapId, touchpointId: m.touchpointId, kpi: m.kpi, value: m.value, at: m.at ? new Date(m.at) : now }));
  await db.insert(touchpointMetrics).values(rows);

  // The newest value per (touchpoint, KPI) in the whole history wins (a late upload of an old
  // measurement does not overwrite a newer one); on equal times the later row.
  const history = await db
    .select({ touchpointId: touchpointMetrics.touchpointId, kpi: touchpointMetrics.kpi, value: touchpointMetrics.value, at: touchpointMetrics.at })
    .from(touchpointMetrics)
    .where(and(eq(touchpointMetrics.mapId, mapId), eq(touchpointMetrics.workspaceId, workspaceId), inArray(touchpointMetrics.touchpointId, [...new Set(rows.map((r) => r.touchpointId))])))
    .orderBy(asc(touchpointMetrics.at), asc(touchpointMetrics.id));
  const touched = new Set(rows.map((r) => `${r.touchpointId}\u0000${r.kpi.trim().toLowerCase()}`));
  const latest = new Map<string, (typeof history)[number]>();
  for (const r of history) {
    const key = `${r.touchpointId}\u0000${r.kpi.trim().toLowerCase()}`;
    if (touched.has(key)) latest.set(key, r);
  }
  let projected: MapData | null = null;
  await editMapDocument(db, workspaceId, mapId, (doc) => {
    for (const r of latest.values()) setKpiActualByName(doc, r.touchpointId, r.kpi, r.value);
    projected = readMap(doc);
  });
  await projectMap(db, { workspaceId, mapId, map: projected!, updatedBy: null });
  return { stored: rows.length, updatedKpis: latest.size };
}
