"use client";
import { Bar, Cell, LabelList } from "recharts";
import { useTranslations } from "next-intl";
import { barEndLabel, BaseChart, shareColor } from "@/components/charts/base-chart";
import type { KpiAttainment, KpiDepartmentRow, KpiRow } from "@/lib/dashboard/kpi-attainment";
import { kpiInsight } from "@/lib/dashboard/insights";
import { useDashboard, useDashboardFormat } from "../dashboard-context";
import { PanelCard, type Column } from "../panel-card";

/** Share of measured KPIs on target per department (chart) — click a bar to filter by department. */
export function KpiAttainmentPanel({ data: kpi }: { data: KpiAttainment }) {
  const t = useTranslations("dashboard");
  const f = useDashboardFormat();
  const { setFilters } = useDashboard();
  const rows = kpi.byDepartment;
  const data = rows.map((r) => ({ ...r, name: f.department(r.department), label: `${f.percent(r.share)} · ${r.onTarget}/${r.kpis}` }));
  const columns: Column<KpiDepartmentRow>[] = [
    { header: t("columns.department"), csv: (r) => f.department(r.department) },
    { header: t("columns.kpis"), csv: (r) => r.kpis, numeric: true },
    { header: t("columns.onTarget"), csv: (r) => r.onTarget, numeric: true },
    { header: t("columns.missed"), csv: (r) => r.missed, numeric: true },
    { header: t("columns.share"), csv: (r) => r.share, cell: (r) => f.percent(r.share), numeric: true },
  ];
  return (
    <PanelCard
      id="kpi-attainment"
      name={t("panels.kpiAttainment")}
      title={f.insight(kpiInsight(kpi))}
      hint={t("hints.kpiAttainment")}
      rows={rows}
      columns={columns}
      isEmpty={rows.length === 0}
      chart={
        <BaseChart
          data={data}
          label={t("panels.kpiAttainment")}
          layout="vertical"
          categoryKey="name"
          categoryWidth={130}
          valueDomain={[0, 1]}
          valueTicks={[0, 0.25, 0.5, 0.75, 1]}
          valueFormatter={(v) => f.percent(v)}
          height={Math.max(140, 32 * data.length + 40)}
          tooltipFormatter={(v) => f.percent(v)}
        >
          <Bar dataKey="share" name={t("columns.share")} radius={3} minPointSize={3} cursor="pointer" isAnimationActive={false}
            onClick={(entry) => setFilters({ department: (entry.payload as KpiDepartmentRow).department || null })}
          >
            {data.map((d) => <Cell key={d.department} fill={shareColor(d.share)} />)}
            <LabelList dataKey="label" content={barEndLabel("vertical")} />
          </Bar>
        </BaseChart>
      }
    />
  );
}

/** Every measured KPI with target and actual, missed first. */
export function KpiListPanel({ data: kpi }: { data: KpiAttainment }) {
  const t = useTranslations("dashboard");
  const f = useDashboardFormat();
  const { touchpointHref } = useDashboard();
  const columns: Column<KpiRow>[] = [
    {
      header: t("columns.status"),
      csv: (r) => (r.onTarget ? t("columns.onTarget") : t("columns.missed")),
      cell: (r) => (
        <span className={`inline-flex items-center gap-1 whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-medium ${r.onTarget ? "bg-green-50 text-green-800" : "bg-red-50 text-red-800"}`}>
          <span aria-hidden>{r.onTarget ? "✓" : "✗"}</span>
          {r.onTarget ? t("columns.onTarget") : t("columns.missed")}
        </span>
      ),
    },
    { header: t("columns.kpi"), csv: (r) => r.name },
    { header: t("columns.target"), csv: (r) => r.target, cell: (r) => f.number(r.target), numeric: true },
    { header: t("columns.actual"), csv: (r) => r.actual, cell: (r) => f.number(r.actual), numeric: true },
    { header: t("columns.unit"), csv: (r) => r.unit },
    {
      header: t("columns.touchpoint"),
      csv: (r) => r.touchpoint,
      cell: (r) => <a className="text-brand-700 hover:underline" href={touchpointHref(r.mapId, r.touchpointId)}>{r.touchpoint}</a>,
    },
    { header: t("columns.map"), csv: (r) => r.mapTitle },
  ];
  return (
    <PanelCard
      id="kpi-list"
      name={t("hints.kpiList")}
      title={f.insight(kpiInsight({ ...kpi, byDepartment: kpi.byDepartment }))}
      rows={kpi.kpis}
      columns={columns}
      isEmpty={kpi.kpis.length === 0}
      tableOnly
      chart={null}
      className="lg:col-span-2"
      footnote={kpi.total > kpi.kpis.length ? t("labels.moreRows", { shown: kpi.kpis.length, total: kpi.total }) : undefined}
    />
  );
}
