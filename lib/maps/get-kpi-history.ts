// KPI history (touchpoint_metrics) as trend series: what the metrics API stored, for the trend
// charts in the editor, the API (GET /maps/{id}/metrics) and the dashboard.
import { and, asc, eq, gte, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { touchpointMetrics } from "@/db/schema";

export type KpiHistoryPoint = { at: string; value: number };
export type KpiHistorySeries = {
  scope: "touchpoint" | "journey" | "stage";
  /** The touchpoint or stage id; "" for journey KPIs. */
  touchpointId: string;
  /** The KPI's name (as last recorded). */
  kpi: string;
  /** The journey/stage KPI's id; null for touchpoint KPIs. */
  kpiId: string | null;
  points: KpiHistoryPoint[];
};

export type GetKpiHistoryOptions = {
  workspaceId: string;
  mapId: string;
  scope?: "touchpoint" | "journey";
  touchpointId?: string;
  /** A KPI name (case-insensitive) or a journey KPI id. */
  kpi?: string;
  since?: Date;
};

/** The map's KPI history grouped into one series per KPI, points oldest first (at most 1,000 per series, the newest). */
export async function getKpiHistory(db: DbOrTx, options: GetKpiHistoryOptions): Promise<KpiHistorySeries[]> {
  const m = touchpointMetrics;
  const conditions: (SQL | undefined)[] = [eq(m.workspaceId, options.workspaceId), eq(m.mapId, options.mapId)];
  if (options.scope) conditions.push(eq(m.scope, options.scope));
  if (options.touchpointId) conditions.push(eq(m.touchpointId, options.touchpointId));
  if (options.kpi) conditions.push(or(eq(m.kpiId, options.kpi), sql`lower(trim(${m.kpi})) = ${options.kpi.trim().toLowerCase()}`));
  if (options.since) conditions.push(gte(m.at, options.since));
  const rows = await db
    .select({ scope: m.scope, touchpointId: m.touchpointId, kpi: m.kpi, kpiId: m.kpiId, value: m.value, at: m.at })
    .from(m)
    .where(and(...conditions))
    .orderBy(asc(m.at), asc(m.id))
    .limit(20_000);
  return groupSeries(rows);
}

type Row = { scope: string; touchpointId: string; kpi: string; kpiId: string | null; value: number; at: Date };

/** Groups rows (oldest first) into series: journey/stage KPIs by id, touchpoint KPIs by touchpoint and name. */
export function groupSeries(rows: Row[]): KpiHistorySeries[] {
  const series = new Map<string, KpiHistorySeries>();
  for (const r of rows) {
    const key = r.kpiId ? `${r.scope}\u0000${r.touchpointId}\u0000id:${r.kpiId}` : `${r.scope}\u0000${r.touchpointId}\u0000${r.kpi.trim().toLowerCase()}`;
    let s = series.get(key);
    if (!s) {
      s = { scope: r.scope as KpiHistorySeries["scope"], touchpointId: r.touchpointId, kpi: r.kpi, kpiId: r.kpiId, points: [] };
      series.set(key, s);
    }
    s.kpi = r.kpi;
    s.points.push({ at: r.at.toISOString(), value: r.value });
  }
  for (const s of series.values()) if (s.points.length > 1000) s.points = s.points.slice(-1000);
  return [...series.values()];
}
