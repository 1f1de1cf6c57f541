"use client";
import { useRouter } from "next/navigation";
import { Bar, Cell, LabelList } from "recharts";
import { useTranslations } from "next-intl";
import { barEndLabel, BaseChart, emotionColor } from "@/components/charts/base-chart";
import type { WorstTouchpoint } from "@/lib/dashboard/worst-touchpoints";
import { worstTouchpointsInsight } from "@/lib/dashboard/insights";
import { useDashboard, useDashboardFormat } from "../dashboard-context";
import { PanelCard, type Column } from "../panel-card";
import { EMOTION_TICKS } from "./emotion-by-stage-panel";

const shorten = (text: string, max = 22) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function WorstTouchpointsPanel({ rows }: { rows: WorstTouchpoint[] }) {
  const t = useTranslations("dashboard");
  const f = useDashboardFormat();
  const router = useRouter();
  const { touchpointHref } = useDashboard();
  const data = rows.map((r, i) => ({ ...r, key: `${i + 1}. ${shorten(r.title)}`, label: f.emotion(r.emotion) }));
  const columns: Column<WorstTouchpoint>[] = [
    {
      header: t("columns.touchpoint"),
      csv: (r) => r.title,
      cell: (r) => <a className="font-medium text-brand-700 hover:underline" href={touchpointHref(r.mapId, r.touchpointId)}>{r.title}</a>,
    },
    { header: t("columns.map"), csv: (r) => r.mapTitle },
    { header: t("columns.stage"), csv: (r) => r.stage },
    { header: t("columns.department"), csv: (r) => f.department(r.department) },
    { header: t("columns.owner"), csv: (r) => r.owner },
    { header: t("columns.emotion"), csv: (r) => r.emotion, cell: (r) => f.emotion(r.emotion), numeric: true },
    { header: t("columns.momentOfTruth"), csv: (r) => f.yesNo(r.momentOfTruth) },
    { header: t("columns.painPoints"), csv: (r) => r.painPoints, numeric: true },
  ];
  return (
    <PanelCard
      id="worst-touchpoints"
      name={t("panels.worstTouchpoints")}
      title={f.insight(worstTouchpointsInsight(rows))}
      hint={t("hints.worstTouchpoints")}
      rows={rows}
      columns={columns}
      isEmpty={rows.length === 0}
      chart={
        <BaseChart
          data={data}
          label={t("panels.worstTouchpoints")}
          layout="vertical"
          categoryKey="key"
          categoryWidth={150}
          valueDomain={[-3, 3]}
          valueTicks={EMOTION_TICKS}
          valueFormatter={(v) => f.emotion(v)}
          zeroLine
          height={Math.max(160, 30 * data.length + 40)}
          tooltip={({ active, payload }) => {
            const r = payload?.[0]?.payload as WorstTouchpoint | undefined;
            if (!active || !r) return null;
            return (
              <div className="max-w-xs rounded-md border border-slate-200 bg-white p-2 text-xs shadow-md">
                <p className="font-medium text-slate-900">{r.title} ({f.emotion(r.emotion)})</p>
                <p className="text-slate-600">{r.mapTitle} · {r.stage} · {f.department(r.department)}</p>
              </div>
            );
          }}
        >
          <Bar dataKey="emotion" name={t("columns.emotion")} radius={3} minPointSize={3} cursor="pointer" isAnimationActive={false}
            onClick={(entry) => {
              const r = entry.payload as WorstTouchpoint;
              router.push(touchpointHref(r.mapId, r.touchpointId));
            }}
          >
            {data.map((d) => <Cell key={`${d.mapId}/${d.touchpointId}`} fill={emotionColor(d.emotion)} />)}
            <LabelList dataKey="label" content={barEndLabel("vertical")} />
          </Bar>
        </BaseChart>
      }
    />
  );
}
