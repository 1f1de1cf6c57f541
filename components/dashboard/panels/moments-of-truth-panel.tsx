"use client";
import { useRouter } from "next/navigation";
import { Bar, Cell, LabelList } from "recharts";
import { useTranslations } from "next-intl";
import { barEndLabel, BaseChart, emotionColor } from "@/components/charts/base-chart";
import type { MomentOfTruthAtRisk, MomentsOfTruth } from "@/lib/dashboard/moments-of-truth";
import { momentsOfTruthInsight } from "@/lib/dashboard/insights";
import { useDashboard, useDashboardFormat } from "../dashboard-context";
import { PanelCard, type Column } from "../panel-card";
import { EMOTION_TICKS } from "./emotion-by-stage-panel";

const shorten = (text: string, max = 22) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const SHOWN = 12;

export function MomentsOfTruthPanel({ data: mot }: { data: MomentsOfTruth }) {
  const t = useTranslations("dashboard");
  const f = useDashboardFormat();
  const router = useRouter();
  const { touchpointHref } = useDashboard();
  const rows = mot.atRisk;
  const missedLabel = (r: MomentOfTruthAtRisk) => (r.missedKpis ? `${r.missedKpis}/${r.kpis} ${t("columns.missed")}` : "");
  const data = rows.slice(0, SHOWN).map((r) => ({
    ...r,
    key: shorten(r.title),
    value: r.emotion ?? 0,
    label: [f.emotion(r.emotion), missedLabel(r)].filter(Boolean).join(" · "),
  }));
  const columns: Column<MomentOfTruthAtRisk>[] = [
    {
      header: t("columns.touchpoint"),
      csv: (r) => r.title,
      cell: (r) => <a className="font-medium text-brand-700 hover:underline" href={touchpointHref(r.mapId, r.touchpointId)}>{r.title}</a>,
    },
    { header: t("columns.map"), csv: (r) => r.mapTitle },
    { header: t("columns.stage"), csv: (r) => r.stage },
    { header: t("columns.department"), csv: (r) => f.department(r.department) },
    { header: t("columns.emotion"), csv: (r) => r.emotion, cell: (r) => f.emotion(r.emotion), numeric: true },
    { header: t("columns.kpis"), csv: (r) => r.kpis, numeric: true },
    { header: t("columns.missedKpis"), csv: (r) => r.missedKpiNames.join(", ") },
  ];
  return (
    <PanelCard
      id="moments-of-truth"
      name={t("panels.momentsOfTruth")}
      title={f.insight(momentsOfTruthInsight(mot))}
      hint={t("hints.momentsOfTruth")}
      rows={rows}
      columns={columns}
      isEmpty={rows.length === 0}
      footnote={rows.length > SHOWN ? t("labels.moreRows", { shown: SHOWN, total: rows.length }) : undefined}
      chart={
        <BaseChart
          data={data}
          label={t("panels.momentsOfTruth")}
          layout="vertical"
          categoryKey="key"
          categoryWidth={150}
          valueDomain={[-3, 3]}
          valueTicks={EMOTION_TICKS}
          valueFormatter={(v) => f.emotion(v)}
          zeroLine
          height={Math.max(160, 30 * data.length + 40)}
          tooltip={({ active, payload }) => {
            const r = payload?.[0]?.payload as MomentOfTruthAtRisk | undefined;
            if (!active || !r) return null;
            return (
              <div className="max-w-xs rounded-md border border-slate-200 bg-white p-2 text-xs shadow-md">
                <p className="font-medium text-slate-900">{r.title} ({f.emotion(r.emotion)})</p>
                <p className="text-slate-600">{r.mapTitle} · {r.stage} · {f.department(r.department)}</p>
                {r.missedKpiNames.length ? <p className="text-red-700">{t("columns.missedKpis")}: {r.missedKpiNames.join(", ")}</p> : null}
              </div>
            );
          }}
        >
          <Bar dataKey="value" name={t("columns.emotion")} radius={3} minPointSize={3} cursor="pointer" isAnimationActive={false}
            onClick={(entry) => {
              const r = entry.payload as MomentOfTruthAtRisk;
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
