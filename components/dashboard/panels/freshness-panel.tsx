"use client";
import { useRouter } from "next/navigation";
import { Bar, LabelList } from "recharts";
import { useTranslations } from "next-intl";
import { barEndLabel, BaseChart } from "@/components/charts/base-chart";
import { STALE_AFTER_DAYS, type Freshness, type StaleMap } from "@/lib/dashboard/freshness";
import { freshnessInsight } from "@/lib/dashboard/insights";
import { isoDay, useDashboard, useDashboardFormat } from "../dashboard-context";
import { PanelCard, type Column } from "../panel-card";

const shorten = (text: string, max = 24) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const SHOWN = 10;

export function FreshnessPanel({ data: freshness }: { data: Freshness }) {
  const t = useTranslations("dashboard");
  const td = useTranslations("discuss");
  const former = freshness.formerOwners ?? [];
  const f = useDashboardFormat();
  const router = useRouter();
  const { mapHref } = useDashboard();
  const rows = freshness.stale;
  const data = rows.slice(0, SHOWN).map((r) => ({ ...r, name: shorten(r.title), label: t("labels.days", { count: r.daysStale }) }));
  const columns: Column<StaleMap>[] = [
    { header: t("columns.map"), csv: (r) => r.title, cell: (r) => <a className="font-medium text-brand-700 hover:underline" href={mapHref(r.mapId)}>{r.title}</a> },
    { header: t("columns.state"), csv: (r) => f.state(r.state) },
    {
      header: t("columns.owner"),
      csv: (r) => (r.ownerId ? f.person(r.ownerName, r.ownerEmail) : ""),
      cell: (r) => (r.ownerId ? <>{f.person(r.ownerName, r.ownerEmail)}{r.ownerIsMember === false ? <span className="ml-1 text-amber-700" title={td("freshness.ownerLeft")}>⚠ {td("freshness.ownerLeft")}</span> : null}</> : ""),
    },
    { header: td("freshness.interval"), csv: (r) => r.intervalDays ?? STALE_AFTER_DAYS, numeric: true },
    { header: t("columns.ownerDepartment"), csv: (r) => f.department(r.ownerDepartment) },
    { header: t("columns.updatedAt"), csv: (r) => isoDay(r.updatedAt), cell: (r) => f.date(r.updatedAt) },
    { header: t("columns.reviewedAt"), csv: (r) => isoDay(r.reviewedAt), cell: (r) => f.date(r.reviewedAt) },
    { header: t("columns.daysStale"), csv: (r) => r.daysStale, numeric: true },
  ];
  return (
    <PanelCard
      id="freshness"
      name={t("panels.freshness")}
      title={f.insight(freshnessInsight(freshness))}
      hint={t("hints.freshness", { days: STALE_AFTER_DAYS })}
      rows={rows}
      columns={columns}
      isEmpty={rows.length === 0}
      footnote={
        rows.length > SHOWN || former.length ? (
          <>
            {rows.length > SHOWN ? <p>{t("labels.moreRows", { shown: SHOWN, total: freshness.staleCount })}</p> : null}
            {former.length ? (
              <p className="text-amber-800" data-testid="former-owners">
                ⚠ {td("freshness.formerOwners")}:{" "}
                {former.slice(0, 8).map((o, i) => (
                  <span key={`${o.mapId}-${o.touchpointId ?? "map"}`}>
                    {i ? "; " : ""}
                    <a className="underline" href={mapHref(o.mapId) + (o.touchpointId ? `?tp=${encodeURIComponent(o.touchpointId)}` : "")}>
                      {o.owner} — {o.title}{o.touchpointTitle ? ` › ${o.touchpointTitle}` : ""}
                    </a>
                  </span>
                ))}
                {former.length > 8 ? ` +${former.length - 8}` : ""}
              </p>
            ) : null}
          </>
        ) : undefined
      }
      chart={
        <BaseChart
          data={data}
          label={t("panels.freshness")}
          layout="vertical"
          categoryKey="name"
          categoryWidth={160}
          valueFormatter={(v) => f.number(v, 0)}
          height={Math.max(140, 30 * data.length + 40)}
          tooltip={({ active, payload }) => {
            const r = payload?.[0]?.payload as StaleMap | undefined;
            if (!active || !r) return null;
            return (
              <div className="rounded-md border border-slate-200 bg-white p-2 text-xs shadow-md">
                <p className="font-medium">{r.title}</p>
                <p className="text-slate-600">{t("columns.owner")}: {r.ownerId ? f.person(r.ownerName, r.ownerEmail) : "–"} · {f.department(r.ownerDepartment)}</p>
                <p className="text-slate-600">{t("columns.updatedAt")}: {f.date(r.updatedAt)} · {t("columns.reviewedAt")}: {f.date(r.reviewedAt)}</p>
              </div>
            );
          }}
        >
          <Bar dataKey="daysStale" name={t("columns.daysStale")} fill="var(--chart-2)" radius={3} cursor="pointer" isAnimationActive={false}
            onClick={(entry) => router.push(mapHref((entry.payload as StaleMap).mapId))}
          >
            <LabelList dataKey="label" content={barEndLabel("vertical")} />
          </Bar>
        </BaseChart>
      }
    />
  );
}
