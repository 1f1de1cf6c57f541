"use client";
// Panel "Current vs future" (issue 13): every current ⇄ future pair with both average emotions and
// the share of future touchpoints live. A bar or row opens the pair's side-by-side view.
import { useRouter } from "next/navigation";
import { Bar } from "recharts";
import { useTranslations } from "next-intl";
import { BaseChart, chartColor } from "@/components/charts/base-chart";
import type { CurrentVsFuture, CurrentVsFuturePair } from "@/lib/dashboard/current-vs-future";
import { useDashboard, useDashboardFormat } from "../dashboard-context";
import { PanelCard, type Column } from "../panel-card";

const shorten = (text: string, max = 22) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function CurrentVsFuturePanel({ data }: { data: CurrentVsFuture | undefined }) {
  const t = useTranslations("pair");
  const f = useDashboardFormat();
  const router = useRouter();
  const { slug } = useDashboard();
  const pairs = data?.pairs ?? [];
  const compareHref = (p: CurrentVsFuturePair) => `/w/${slug}/maps/${p.currentMapId}/compare-future`;
  const rated = pairs.filter((p) => p.gap !== null);
  const avgGap = rated.length ? rated.reduce((a, p) => a + p.gap!, 0) / rated.length : null;
  const live = pairs.reduce((a, p) => a + p.live, 0);
  const total = pairs.reduce((a, p) => a + p.total, 0);
  const columns: Column<CurrentVsFuturePair>[] = [
    {
      header: t("panel.pair"),
      csv: (p) => `${p.currentTitle} → ${p.futureTitle}`,
      cell: (p) => <a className="font-medium text-brand-700 hover:underline" href={compareHref(p)}>{p.currentTitle} → {p.futureTitle}</a>,
    },
    { header: t("panel.current"), csv: (p) => p.currentAverage, cell: (p) => f.emotion(p.currentAverage), numeric: true },
    { header: t("panel.future"), csv: (p) => p.futureAverage, cell: (p) => f.emotion(p.futureAverage), numeric: true },
    { header: t("panel.gap"), csv: (p) => p.gap, cell: (p) => f.emotion(p.gap), numeric: true },
    { header: t("panel.live"), csv: (p) => p.live, cell: (p) => `${p.live} / ${p.total}`, numeric: true },
    { header: t("panel.progress"), csv: (p) => p.liveShare, cell: (p) => (p.liveShare === null ? "–" : f.percent(p.liveShare)), numeric: true },
  ];
  const chartData = pairs.map((p) => ({ ...p, name: shorten(p.currentTitle) }));
  return (
    <PanelCard
      id="currentVsFuture"
      name={t("panel.name")}
      title={pairs.length ? t("panel.insight", { count: pairs.length, gap: f.emotion(avgGap), live, total }) : t("panel.empty")}
      hint={t("panel.hint")}
      rows={pairs}
      columns={columns}
      isEmpty={pairs.length === 0}
      chart={
        <BaseChart
          data={chartData}
          label={t("panel.chart")}
          categoryKey="name"
          valueDomain={[-3, 3]}
          valueTicks={[-3, -2, -1, 0, 1, 2, 3]}
          valueFormatter={(v) => f.emotion(v)}
          tooltipFormatter={(v) => f.emotion(v)}
          zeroLine
          legend
          height={Math.max(220, 60 + pairs.length * 40)}
        >
          <Bar dataKey="currentAverage" name={t("panel.current")} fill={chartColor(1)} cursor="pointer" onClick={(d) => router.push(compareHref((d as unknown as { payload: CurrentVsFuturePair }).payload))} isAnimationActive={false} />
          <Bar dataKey="futureAverage" name={t("panel.future")} fill={chartColor(0)} cursor="pointer" onClick={(d) => router.push(compareHref((d as unknown as { payload: CurrentVsFuturePair }).payload))} isAnimationActive={false} />
        </BaseChart>
      }
    />
  );
}
