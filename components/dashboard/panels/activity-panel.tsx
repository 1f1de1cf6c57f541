"use client";
import { useTranslations } from "next-intl";
import type { Activity, ActivityRow } from "@/lib/dashboard/activity";
import { activityInsight } from "@/lib/dashboard/insights";
import { useDashboard, useDashboardFormat } from "../dashboard-context";
import { PanelCard, type Column } from "../panel-card";

/** A feed, so it reads best as a table: who changed which map, when. */
export function ActivityPanel({ data: activity }: { data: Activity }) {
  const t = useTranslations("dashboard");
  const f = useDashboardFormat();
  const { mapHref } = useDashboard();
  const rows = activity.recent;
  const columns: Column<ActivityRow>[] = [
    { header: t("columns.map"), csv: (r) => r.title, cell: (r) => <a className="font-medium text-brand-700 hover:underline" href={mapHref(r.mapId)}>{r.title}</a> },
    { header: t("columns.state"), csv: (r) => f.state(r.state) },
    { header: t("columns.changedBy"), csv: (r) => (r.userId ? f.person(r.userName, r.userEmail) : "") },
    {
      header: t("columns.lastChange"),
      csv: (r) => new Date(r.updatedAt).toISOString(),
      cell: (r) => <time dateTime={new Date(r.updatedAt).toISOString()} title={f.date(r.updatedAt)}>{f.relative(r.updatedAt)}</time>,
    },
  ];
  return (
    <PanelCard
      id="activity"
      name={t("panels.activity")}
      title={f.insight(activityInsight(activity))}
      hint={t("hints.activity")}
      rows={rows}
      columns={columns}
      isEmpty={rows.length === 0}
      tableOnly
      chart={null}
    />
  );
}
