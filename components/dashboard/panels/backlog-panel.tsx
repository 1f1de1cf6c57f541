"use client";
import { Bar, LabelList } from "recharts";
import { useTranslations } from "next-intl";
import { BaseChart } from "@/components/charts/base-chart";
import type { BacklogRow, OptimisationBacklog } from "@/lib/dashboard/optimisation-backlog";
import { backlogInsight } from "@/lib/dashboard/insights";
import { useDashboard, useDashboardFormat } from "../dashboard-context";
import { PanelCard, type Column } from "../panel-card";

const STATUS_COLORS = { open: "var(--chart-4)", inProgress: "var(--chart-2)", done: "var(--chart-3)" };

export function BacklogPanel({ data: backlog }: { data: OptimisationBacklog }) {
  const t = useTranslations("dashboard");
  const f = useDashboardFormat();
  const { setFilters } = useDashboard();
  const rows = backlog.rows;
  const data = rows.map((r) => ({ ...r, name: f.department(r.department) }));
  const columns: Column<BacklogRow>[] = [
    { header: t("columns.department"), csv: (r) => f.department(r.department) },
    { header: t("columns.open"), csv: (r) => r.open, numeric: true },
    { header: t("columns.inProgress"), csv: (r) => r.inProgress, numeric: true },
    { header: t("columns.done"), csv: (r) => r.done, numeric: true },
    { header: t("columns.total"), csv: (r) => r.total, numeric: true },
  ];
  const onClick = (entry: { payload?: unknown }) => setFilters({ department: (entry.payload as BacklogRow).department || null });
  const label = (v: unknown) => (Number(v) > 0 ? String(v) : "");
  return (
    <PanelCard
      id="backlog"
      name={t("panels.backlog")}
      title={f.insight(backlogInsight(backlog))}
      hint={t("hints.backlog")}
      rows={rows}
      columns={columns}
      isEmpty={rows.length === 0}
      chart={
        <BaseChart
          data={data}
          label={t("panels.backlog")}
          layout="vertical"
          categoryKey="name"
          categoryWidth={130}
          valueFormatter={(v) => f.number(v, 0)}
          legend
          height={Math.max(160, 32 * data.length + 70)}
        >
          {(["open", "inProgress", "done"] as const).map((status) => (
            <Bar key={status} dataKey={status} stackId="status" name={t(`columns.${status}`)} fill={STATUS_COLORS[status]} cursor="pointer" isAnimationActive={false} onClick={onClick}>
              <LabelList dataKey={status} position="center" formatter={label} style={{ fontSize: 11, fill: "#ffffff", fontWeight: 600 }} />
            </Bar>
          ))}
        </BaseChart>
      }
    />
  );
}
