"use client";
import { useRouter } from "next/navigation";
import { useCallback, useMemo } from "react";
import { useTranslations } from "next-intl";
import { chartColor } from "@/components/charts/base-chart";
import { EmotionCurvesChart, type CurveChartSeries } from "@/components/charts/emotion-curves-chart";
import type { EmotionCurves, CurvePoint, EmotionCurve } from "@/lib/dashboard/emotion-curves";
import { curvesInsight } from "@/lib/dashboard/insights";
import { useDashboard, useDashboardFormat } from "../dashboard-context";
import { PanelCard, type Column } from "../panel-card";

type Row = CurvePoint & { map: EmotionCurve };

export function CurvesPanel({ curves }: { curves: EmotionCurves }) {
  const t = useTranslations("dashboard");
  const f = useDashboardFormat();
  const router = useRouter();
  const { touchpointHref } = useDashboard();
  const stepLabel = useCallback((step: number) => t("labels.step", { step }), [t]);
  // One series per map; each point links to its touchpoint (the table lists the same links).
  const series = useMemo<CurveChartSeries[]>(
    () =>
      curves.curves.map((c, i) => ({
        key: c.mapId,
        shortName: c.title,
        name: `${c.title} (${f.state(c.state)}${c.personas.length ? ` · ${c.personas.join(", ")}` : ""})`,
        color: chartColor(i),
        isDashed: c.state === "future",
        points: c.points.map((p) => ({
          step: p.step,
          emotion: p.emotion,
          momentOfTruth: p.momentOfTruth,
          title: p.title,
          label: `${p.title}: ${f.emotion(p.emotion)}`,
          href: touchpointHref(c.mapId, p.touchpointId),
        })),
      })),
    [curves, f, touchpointHref],
  );
  const rows: Row[] = curves.curves.flatMap((c) => c.points.map((p) => ({ ...p, map: c })));
  const columns: Column<Row>[] = [
    { header: t("columns.map"), csv: (r) => r.map.title },
    { header: t("columns.state"), csv: (r) => f.state(r.map.state) },
    { header: t("columns.personas"), csv: (r) => r.map.personas.join(", ") },
    { header: t("columns.step"), csv: (r) => r.step, numeric: true },
    {
      header: t("columns.touchpoint"),
      csv: (r) => r.title,
      cell: (r) => <a className="text-brand-700 hover:underline" href={touchpointHref(r.map.mapId, r.touchpointId)}>{r.title}</a>,
    },
    { header: t("columns.stage"), csv: (r) => r.stage },
    { header: t("columns.emotion"), csv: (r) => r.emotion, cell: (r) => f.emotion(r.emotion), numeric: true },
    { header: t("columns.momentOfTruth"), csv: (r) => f.yesNo(r.momentOfTruth) },
  ];
  const limited = curves.mapsInScope > curves.curves.length;
  return (
    <PanelCard
      id="curves"
      name={t("panels.curves")}
      title={f.insight(curvesInsight(curves))}
      hint={t("hints.curves")}
      rows={rows}
      columns={columns}
      isEmpty={rows.length === 0}
      footnote={limited ? t("hints.curvesLimited", { shown: curves.curves.length, total: curves.mapsInScope }) : undefined}
      chart={
        <EmotionCurvesChart
          series={series}
          label={t("panels.curves")}
          stepLabel={stepLabel}
          emotionLabel={f.emotion}
          onOpen={(href) => router.push(href)}
        />
      }
    />
  );
}
