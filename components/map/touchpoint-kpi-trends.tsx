"use client";
// The touchpoint side panel's KPI history: one trend (with target line, table and CSV) per KPI of
// the touchpoint that has measurements (GET /api/v1/maps/{id}/metrics?scope=touchpoint&touchpointId=…).
import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { KpiTrend } from "@/components/charts/kpi-trend";
import type { Touchpoint } from "@/lib/maps/map-document";
import { useKpiHistory } from "./journey-outcomes";

export function TouchpointKpiTrends({ mapId, touchpoint }: { mapId: string; touchpoint: Touchpoint }) {
  const t = useTranslations("curves.trend");
  const { series, load } = useKpiHistory(mapId, `scope=touchpoint&touchpointId=${encodeURIComponent(touchpoint.id)}`);
  // Reload when another touchpoint is shown or a KPI's actual changed (a new measurement arrived).
  const actuals = touchpoint.kpis.map((k) => `${k.name}:${k.actual}`).join("|");
  useEffect(() => {
    void load();
  }, [load, actuals]);
  if (!series) return null;
  const withHistory = touchpoint.kpis
    .map((k) => ({ k, s: series.find((s) => s.kpi.trim().toLowerCase() === k.name.trim().toLowerCase()) }))
    .filter((v) => v.s && v.s.points.length > 0);
  if (!withHistory.length) return <p className="mt-2 text-xs text-slate-500" data-testid="touchpoint-kpi-no-history">{t("noHistory")}</p>;
  return (
    <div className="mt-3 space-y-3" data-testid="touchpoint-kpi-trends">
      {withHistory.map(({ k, s }, i) => (
        <div key={k.id}>
          <p className="text-xs font-medium text-slate-700">{t("label", { name: k.name })}</p>
          <KpiTrend name={k.name} points={s!.points} target={k.target} unit={k.unit} fileName={`kpi-${touchpoint.title || touchpoint.id}-${k.name}`} colorIndex={i} height={140} />
        </div>
      ))}
    </div>
  );
}
