// Data overlay (REST POST /maps/{id}/metrics): measured KPI values are kept as a history in
// touchpoint_metrics, and the newest value of each KPI becomes its `actual` in the document.
// Touchpoint KPIs are matched by name on their touchpoint; journey KPIs (scope "journey") by id or name.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { touchpointMetrics } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { findJourneyKpi, readMap, setKpiActualByName, updateJourneyKpi, type MapData } from "./map-document";
import { editMapDocument, readMapDocument } from "./map-documents";
import { projectMap } from "./project-map";

export type MetricInput = { scope?: "touchpoint" | "journey"; touchpointId?: string; kpi: string; value: number; at?: string };

/** Throws AppError("invalid_input") naming the first entry whose touchpoint or KPI does not exist; stores nothing then. */
export async function recordMapMetrics(
  db: Database,
  { workspaceId, mapId, metrics }: { workspaceId: string; mapId: string; metrics: MetricInput[] },
): Promise<{ stored: number; updatedKpis: number }> {
  const current = readMap(await readMapDocument(db, workspaceId, mapId));
  const byId = new Map(current.touchpoints.map((t) => [t.id, t]));
  const fields: Record<string, string> = {};
  const now = new Date();
  const rows: (typeof touchpointMetrics.$inferInsert)[] = [];
  metrics.forEach((m, i) => {
    const at = m.at ? new Date(m.at) : now;
    if ((m.scope ?? "touchpoint") === "journey") {
      const kpi = findJourneyKpi(current.journeyKpis, m.kpi);
      if (!kpi) fields[`${i}.kpi`] ??= "no journey KPI with this id or name on the map";
      else rows.push({ workspaceId, mapId, scope: "journey", touchpointId: "", kpi: kpi.name, kpiId: kpi.id, value: m.value, at });
      return;
    }
    const tp = byId.get(m.touchpointId ?? "");
    if (!tp) fields[`${i}.touchpointId`] ??= "no touchpoint with this id on the map";
    else if (!tp.kpis.some((k) => k.name.trim().toLowerCase() === m.kpi.trim().toLowerCase())) fields[`${i}.kpi`] ??= "no KPI with this name on the touchpoint";
    else rows.push({ workspaceId, mapId, scope: "touchpoint", touchpointId: tp.id, kpi: m.kpi, value: m.value, at });
  });
  const firstBad = Object.keys(fields)[0];
  if (firstBad) throw new AppError("invalid_input", `${firstBad}: ${fields[firstBad]}`, fields);

  await db.insert(touchpointMetrics).values(rows);

  // The newest value per KPI in the whole history wins (a late upload of an old measurement does
  // not overwrite a newer one); on equal times the later row.
  const tpRows = rows.filter((r) => r.scope === "touchpoint");
  const journeyIds = [...new Set(rows.filter((r) => r.scope === "journey").map((r) => r.kpiId!))];
  const latest = new Map<string, { touchpointId: string; kpi: string; value: number }>();
  if (tpRows.length) {
    const history = await db
      .select({ touchpointId: touchpointMetrics.touchpointId, kpi: touchpointMetrics.kpi, value: touchpointMetrics.value })
      .from(touchpointMetrics)
      .where(and(eq(touchpointMetrics.mapId, mapId), eq(touchpointMetrics.workspaceId, workspaceId), eq(touchpointMetrics.scope, "touchpoint"), inArray(touchpointMetrics.touchpointId, [...new Set(tpRows.map((r) => r.touchpointId))])))
      .orderBy(asc(touchpointMetrics.at), asc(touchpointMetrics.id));
    const touched = new Set(tpRows.map((r) => `${r.touchpointId}\u0000${r.kpi.trim().toLowerCase()}`));
    for (const r of history) {
      const key = `${r.touchpointId}\u0000${r.kpi.trim().toLowerCase()}`;
      if (touched.has(key)) latest.set(key, r);
    }
  }
  const latestJourney = new Map<string, number>();
  if (journeyIds.length) {
    const history = await db
      .select({ kpiId: touchpointMetrics.kpiId, value: touchpointMetrics.value })
      .from(touchpointMetrics)
      .where(and(eq(touchpointMetrics.mapId, mapId), eq(touchpointMetrics.workspaceId, workspaceId), eq(touchpointMetrics.scope, "journey"), inArray(touchpointMetrics.kpiId, journeyIds)))
      .orderBy(asc(touchpointMetrics.at), asc(touchpointMetrics.id));
    for (const r of history) if (r.kpiId) latestJourney.set(r.kpiId, r.value);
  }
  let projected: MapData | null = null;
  await editMapDocument(db, workspaceId, mapId, (doc) => {
    for (const r of latest.values()) setKpiActualByName(doc, r.touchpointId, r.kpi, r.value);
    for (const [kpiId, value] of latestJourney) updateJourneyKpi(doc, kpiId, { actual: value });
    projected = readMap(doc);
  });
  await projectMap(db, { workspaceId, mapId, map: projected!, updatedBy: null });
  return { stored: rows.length, updatedKpis: latest.size + latestJourney.size };
}
