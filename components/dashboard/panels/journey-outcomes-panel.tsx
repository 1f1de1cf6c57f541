"use client";
// Panel "Journey outcomes": one small trend per journey KPI (per map) with its target; the table
// and CSV list every measurement.
import { useTranslations } from "next-intl";
import { KpiTrend } from "@/components/charts/kpi-trend";
import { kpiOnTarget } from "@/lib/maps/map-document";
import type { JourneyOutcomes, JourneyOutcomeTrend } from "@/lib/dashboard/journey-outcomes";
import { useDashboard, useDashboardFormat } from "../dashboard-context";
import { PanelCard, type Column } from "../panel-card";

type Row = { trend: JourneyOutcomeTrend; at: string; value: number };

export function JourneyOutcomesPanel({ data }: { data: JourneyOutcomes }) {
  const t = useTranslations("curves");
  const f = useDashboardFormat();
  const { mapHref } = useDashboard();
  const rows: Row[] = data.trends.flatMap((trend) => trend.points.map((p) => ({ trend, ...p })));
  const off = data.trends.filter((k) => kpiOnTarget(k) === false).length;
  const columns: Column<Row>[] = [
    { header: t("trend.columns.map"), csv: (r) => r.trend.mapTitle },
    { header: t("trend.columns.kpi"), csv: (r) => r.trend.name },
    { header: t("trend.columns.date"), csv: (r) => r.at.slice(0, 10), cell: (r) => f.date(r.at) },
    { header: t("trend.columns.value"), csv: (r) => r.value, numeric: true },
    { header: t("trend.columns.target"), csv: (r) => r.trend.target, numeric: true },
  ];
  return (
    <PanelCard
      id="journey-outcomes"
      name={t("dashboard.panel")}
      title={off ? t("dashboard.insightOffTarget", { off, count: data.trends.length }) : t("dashboard.insight", { count: data.trends.length })}
      hint={t("dashboard.hint")}
      rows={rows}
      columns={columns}
      isEmpty={data.trends.length === 0}
      className="lg:col-span-2"
      footnote={data.total > data.trends.length ? t("dashboard.limited", { shown: data.trends.length, total: data.total }) : undefined}
      chart={
        <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
          {data.trends.map((k, i) => (
            <li key={`${k.mapId}:${k.kpiId}`} className="min-w-0 rounded-lg border border-slate-200 p-2">
              <p className="text-sm font-medium text-slate-900">
                {k.name} <span className="text-xs font-normal text-slate-500">· {t(`metrics.${k.metric as "nps"}`)}</span>
              </p>
              <p className="mb-1 truncate text-xs text-slate-500">
                <a className="text-brand-700 underline" href={mapHref(k.mapId)}>{k.mapTitle}</a>
                {k.actual !== null ? <> · {t("trend.latest", { value: `${f.number(k.actual)}${k.unit ? ` ${k.unit}` : ""}` })}</> : null}
                {kpiOnTarget(k) !== null ? <> · {kpiOnTarget(k) ? t("trend.onTarget") : t("trend.offTarget")}</> : null}
              </p>
              <KpiTrend name={k.name} points={k.points} target={k.target} unit={k.unit} fileName={`journey-outcome-${k.name}`} colorIndex={i} height={140} testId="journey-outcome-trend" controls={false} />
            </li>
          ))}
        </ul>
      }
    />
  );
}
