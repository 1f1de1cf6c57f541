"use client";
import { Bar, Cell, ErrorBar, LabelList } from "recharts";
import { useTranslations } from "next-intl";
import { barEndLabel, BaseChart, emotionColor } from "@/components/charts/base-chart";
import type { EmotionByStageRow } from "@/lib/dashboard/emotion-by-stage";
import { emotionByStageInsight } from "@/lib/dashboard/insights";
import { useDashboard, useDashboardFormat } from "../dashboard-context";
import { PanelCard, type Column } from "../panel-card";

export const EMOTION_TICKS = [-3, -2, -1, 0, 1, 2, 3];

export function EmotionByStagePanel({ rows, compact = false }: { rows: EmotionByStageRow[]; compact?: boolean }) {
  const t = useTranslations("dashboard");
  const f = useDashboardFormat();
  const { setFilters } = useDashboard();
  const data = rows.map((r) => ({
    ...r,
    value: r.avg ?? 0,
    // ErrorBar takes offsets from the bar's value: down to the lowest and up to the highest rating.
    range: r.avg === null ? [0, 0] : [r.avg - (r.min ?? r.avg), (r.max ?? r.avg) - r.avg],
    label: r.avg === null ? t("labels.unrated") : f.emotion(r.avg),
  }));
  const columns: Column<EmotionByStageRow>[] = [
    { header: t("columns.stage"), csv: (r) => r.stage },
    { header: t("columns.avg"), csv: (r) => r.avg, cell: (r) => f.emotion(r.avg), numeric: true },
    { header: t("columns.min"), csv: (r) => r.min, cell: (r) => (r.min === null ? "–" : f.emotion(r.min)), numeric: true },
    { header: t("columns.max"), csv: (r) => r.max, cell: (r) => (r.max === null ? "–" : f.emotion(r.max)), numeric: true },
    { header: t("columns.stddev"), csv: (r) => r.stddev, cell: (r) => f.number(r.stddev), numeric: true },
    { header: t("columns.spread"), csv: (r) => r.spread, cell: (r) => f.number(r.spread), numeric: true },
    { header: t("columns.touchpoints"), csv: (r) => r.touchpoints, numeric: true },
    { header: t("columns.rated"), csv: (r) => r.rated, numeric: true },
    { header: t("columns.maps"), csv: (r) => r.maps, numeric: true },
  ];
  return (
    <PanelCard
      id="emotion-by-stage"
      name={t("panels.emotionByStage")}
      title={f.insight(emotionByStageInsight(rows))}
      hint={compact ? undefined : t("hints.emotionByStage")}
      compact={compact}
      rows={rows}
      columns={columns}
      isEmpty={rows.length === 0}
      chart={
        <BaseChart
          data={data}
          label={t("panels.emotionByStage")}
          categoryKey="stage"
          valueDomain={[-3, 3]}
          valueTicks={EMOTION_TICKS}
          valueFormatter={(v) => f.emotion(v)}
          valueLabel={compact ? undefined : t("labels.emotionScale")}
          categoryFormatter={compact ? (v) => (String(v).length > 7 ? `${String(v).slice(0, 6)}…` : String(v)) : undefined}
          zeroLine
          height={compact ? 200 : 280}
          tooltipFormatter={(v) => f.emotion(v)}
        >
          <Bar
            dataKey="value"
            name={t("columns.avg")}
            radius={3}
            minPointSize={3}
            cursor="pointer"
            onClick={(entry) => setFilters({ stage: (entry.payload as EmotionByStageRow).stage })}
            isAnimationActive={false}
          >
            {data.map((d) => (
              <Cell key={d.stage} fill={emotionColor(d.avg)} data-testid="stage-bar" />
            ))}
            <ErrorBar dataKey="range" width={6} stroke="var(--chart-axis)" direction="y" />
            <LabelList dataKey="label" content={barEndLabel("horizontal")} />
          </Bar>
        </BaseChart>
      }
    />
  );
}
