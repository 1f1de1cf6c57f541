"use client";
import { Bar, Cell, LabelList } from "recharts";
import { useTranslations } from "next-intl";
import { barEndLabel, BaseChart, chartColor, emotionColor } from "@/components/charts/base-chart";
import type { GapKindRow, GapsPanel as GapsData, HandoverRow } from "@/lib/dashboard/gaps";
import { gapsInsight } from "@/lib/dashboard/insights";
import { useDashboard, useDashboardFormat } from "../dashboard-context";
import { PanelCard, type Column } from "../panel-card";

export function GapsPanel({ data: gaps }: { data: GapsData }) {
  const t = useTranslations("dashboard");
  const f = useDashboardFormat();
  const rows = gaps.byKind;
  const data = rows.map((r) => ({ ...r, name: t(`labels.gapKindTitles.${r.kind}`) }));
  const columns: Column<GapKindRow>[] = [
    { header: t("columns.kind"), csv: (r) => t(`labels.gapKindTitles.${r.kind}`) },
    { header: t("columns.open"), csv: (r) => r.open, numeric: true },
    { header: t("columns.maps"), csv: (r) => r.maps, numeric: true },
  ];
  return (
    <PanelCard
      id="gaps"
      name={t("panels.gaps")}
      title={f.insight(gapsInsight({ ...gaps, handovers: [] }))}
      hint={t("hints.gaps")}
      rows={rows}
      columns={columns}
      isEmpty={gaps.total === 0}
      chart={
        <BaseChart data={data} label={t("hints.gaps")} categoryKey="name" valueFormatter={(v) => f.number(v, 0)} height={220}>
          <Bar dataKey="open" name={t("columns.open")} radius={3} isAnimationActive={false}>
            {data.map((d, i) => <Cell key={d.kind} fill={chartColor(i + 3)} />)}
            <LabelList dataKey="open" position="top" style={{ fontSize: 11, fill: "#0f172a" }} />
          </Bar>
        </BaseChart>
      }
    />
  );
}

/** Who hands customers to whom and loses them: department pairs with open gaps. */
export function HandoversPanel({ data: gaps }: { data: GapsData }) {
  const t = useTranslations("dashboard");
  const f = useDashboardFormat();
  const { setFilters } = useDashboard();
  const rows = gaps.handovers;
  const data = rows.slice(0, 10).map((r) => ({ ...r, name: `${f.department(r.from)} → ${f.department(r.to)}`, label: `${r.open} · Ø ${f.emotion(r.avgEmotionAfter)}` }));
  const columns: Column<HandoverRow>[] = [
    { header: t("columns.from"), csv: (r) => f.department(r.from) },
    { header: t("columns.to"), csv: (r) => f.department(r.to) },
    { header: t("columns.open"), csv: (r) => r.open, numeric: true },
    { header: t("columns.maps"), csv: (r) => r.maps, numeric: true },
    { header: t("columns.avgEmotionAfter"), csv: (r) => r.avgEmotionAfter, cell: (r) => f.emotion(r.avgEmotionAfter), numeric: true },
  ];
  return (
    <PanelCard
      id="handovers"
      name={t("hints.handovers")}
      title={f.insight(gapsInsight({ ...gaps, total: rows.reduce((s, r) => s + r.open, 0) }))}
      rows={rows}
      columns={columns}
      isEmpty={rows.length === 0}
      footnote={rows.length > data.length ? t("labels.moreRows", { shown: data.length, total: rows.length }) : undefined}
      chart={
        <BaseChart
          data={data}
          label={t("hints.handovers")}
          layout="vertical"
          categoryKey="name"
          categoryWidth={200}
          valueFormatter={(v) => f.number(v, 0)}
          height={Math.max(140, 30 * data.length + 40)}
          tooltip={({ active, payload }) => {
            const r = payload?.[0]?.payload as HandoverRow | undefined;
            if (!active || !r) return null;
            return (
              <div className="rounded-md border border-slate-200 bg-white p-2 text-xs shadow-md">
                <p className="font-medium">{f.department(r.from)} → {f.department(r.to)}: {r.open}</p>
                <p className="text-slate-600">{t("columns.avgEmotionAfter")}: {f.emotion(r.avgEmotionAfter)}</p>
              </div>
            );
          }}
        >
          <Bar dataKey="open" name={t("columns.open")} radius={3} cursor="pointer" isAnimationActive={false}
            onClick={(entry) => setFilters({ department: (entry.payload as HandoverRow).from || null })}
          >
            {data.map((d) => <Cell key={`${d.from}>${d.to}`} fill={emotionColor(d.avgEmotionAfter)} />)}
            <LabelList dataKey="label" content={barEndLabel("vertical")} />
          </Bar>
        </BaseChart>
      }
    />
  );
}
