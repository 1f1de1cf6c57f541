"use client";
import { useRouter } from "next/navigation";
import { Line } from "recharts";
import { useTranslations } from "next-intl";
import { BaseChart, chartColor, emotionColor } from "@/components/charts/base-chart";
import type { EmotionCurves, CurvePoint, EmotionCurve } from "@/lib/dashboard/emotion-curves";
import { curvesInsight } from "@/lib/dashboard/insights";
import { useDashboard, useDashboardFormat } from "../dashboard-context";
import { PanelCard, type Column } from "../panel-card";
import { EMOTION_TICKS } from "./emotion-by-stage-panel";

type Row = CurvePoint & { map: EmotionCurve };

export function CurvesPanel({ curves }: { curves: EmotionCurves }) {
  const t = useTranslations("dashboard");
  const f = useDashboardFormat();
  const router = useRouter();
  const { touchpointHref } = useDashboard();
  const steps = Math.max(0, ...curves.curves.map((c) => c.points.length));
  // One row per step; each map's emotion and touchpoint under its own keys.
  const data = Array.from({ length: steps }, (_, i) => {
    const row: Record<string, unknown> = { step: i + 1 };
    for (const c of curves.curves) {
      const p = c.points[i];
      row[c.mapId] = p?.emotion ?? null;
      row[`${c.mapId}:point`] = p;
    }
    return row;
  });
  const seriesName = (c: EmotionCurve) => `${c.title} (${f.state(c.state)}${c.personas.length ? ` · ${c.personas.join(", ")}` : ""})`;
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
        <BaseChart
          data={data}
          label={t("panels.curves")}
          categoryKey="step"
          valueDomain={[-3, 3]}
          valueTicks={EMOTION_TICKS}
          valueFormatter={(v) => f.emotion(v)}
          categoryFormatter={(v) => t("labels.step", { step: v })}
          categoryInterval="preserveStartEnd"
          zeroLine
          legend
          height={300}
          tooltip={({ active, payload, label }) => {
            const row = payload?.[0]?.payload as Record<string, unknown> | undefined;
            if (!active || !row) return null;
            return (
              <div className="rounded-md border border-slate-200 bg-white p-2 text-xs shadow-md">
                <p className="mb-1 font-medium text-slate-900">{t("labels.step", { step: label as number })}</p>
                {curves.curves.map((c, i) => {
                  const p = row[`${c.mapId}:point`] as CurvePoint | undefined;
                  return p ? (
                    <p key={c.mapId} className="flex items-center gap-1.5">
                      <span aria-hidden className="inline-block h-2 w-2 rounded-full" style={{ background: chartColor(i) }} />
                      <span className="text-slate-600">{c.title}:</span> <span className="font-medium">{p.title}</span> ({f.emotion(p.emotion)})
                    </p>
                  ) : null;
                })}
              </div>
            );
          }}
        >
          {curves.curves.map((c, i) => (
            <Line
              key={c.mapId}
              dataKey={c.mapId}
              name={seriesName(c)}
              stroke={chartColor(i)}
              strokeWidth={2}
              strokeDasharray={c.state === "future" ? "6 3" : undefined}
              connectNulls={false}
              isAnimationActive={false}
              activeDot={false}
              dot={(props: { cx?: number; cy?: number; payload?: Record<string, unknown>; index?: number }) => {
                const point = props.payload?.[`${c.mapId}:point`] as CurvePoint | undefined;
                if (!point || point.emotion === null || props.cx === undefined || props.cy === undefined) return <g key={`${c.mapId}-${props.index}`} />;
                const href = touchpointHref(c.mapId, point.touchpointId);
                // One node per point (the shape carries the link role): 6 curves × 50 points add up.
                const link = {
                  role: "link",
                  "aria-label": `${point.title}: ${f.emotion(point.emotion)}`,
                  tabIndex: -1,
                  className: "cursor-pointer",
                  onClick: () => router.push(href),
                  fill: emotionColor(point.emotion),
                  stroke: chartColor(i),
                  strokeWidth: 2,
                };
                return point.momentOfTruth ? (
                  <rect key={`${c.mapId}-${props.index}`} {...link} x={props.cx - 5} y={props.cy - 5} width={10} height={10} transform={`rotate(45 ${props.cx} ${props.cy})`} />
                ) : (
                  <circle key={`${c.mapId}-${props.index}`} {...link} cx={props.cx} cy={props.cy} r={4} />
                );
              }}
            />
          ))}
        </BaseChart>
      }
    />
  );
}
