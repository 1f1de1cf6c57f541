// Workspace home: "what needs me today" — recently changed maps, my open opportunities, maps I own
// that are due for review, and how customers feel stage by stage.
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { findDepartment } from "@/db/queries/departments";
import { requireWorkspaceAccess } from "@/lib/auth/page-access";
import { getEmotionByStage } from "@/lib/dashboard/emotion-by-stage";
import { NO_FILTERS } from "@/lib/dashboard/filters";
import { STALE_AFTER_DAYS } from "@/lib/dashboard/freshness";
import { getMapsDueForReview } from "@/lib/dashboard/maps-due-for-review";
import { getMyOpenOpportunities } from "@/lib/dashboard/my-open-opportunities";
import { getRecentMaps } from "@/lib/dashboard/recent-maps";
import { Card, PageHeader } from "@/components/ui/card";
import { EmotionSparkline } from "@/components/charts/emotion-sparkline";
import { emotionColor, emotionTextColor } from "@/components/charts/emotion-color";
import { HomeEmotionByStage } from "@/components/dashboard/home-emotion-by-stage";

export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("home") };
}

export default async function WorkspaceHomePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, access, db } = await requireWorkspaceAccess(slug);
  const [t, td, format] = await Promise.all([getTranslations("workspace"), getTranslations("dashboard"), getFormatter()]);
  const department = access.departmentId ? await findDepartment(db, access.workspaceId, access.departmentId) : null;
  const [recent, opportunities, due, stages] = await Promise.all([
    getRecentMaps(db, access.workspaceId),
    getMyOpenOpportunities(db, access.workspaceId, { name: user.name, email: user.email, department: department?.name ?? null }),
    getMapsDueForReview(db, access.workspaceId, user.userId),
    getEmotionByStage(db, access.workspaceId, NO_FILTERS),
  ]);
  const base = `/w/${access.slug}`;
  const now = new Date();
  const emotion = (value: number | null) =>
    value === null ? td("labels.unrated") : format.number(value, { maximumFractionDigits: 1, signDisplay: "exceptZero" });
  return (
    <div className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <PageHeader title={t("homeGreeting", { name: user.name ?? user.email })} description={t("homeSubtitle", { workspace: access.name })} />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-4 lg:col-span-2">
          <Card className="p-4" data-testid="home-recent-maps">
            <div className="mb-3 flex items-center justify-between gap-2">
              <h2 className="text-base font-semibold text-slate-900">{td("home.recentMaps")}</h2>
              <Link href={`${base}/maps`} className="text-sm font-medium text-brand-700 hover:underline">{td("home.allMaps")}</Link>
            </div>
            {recent.length === 0 ? (
              <p className="rounded-lg border border-dashed border-slate-200 px-4 py-8 text-center text-sm text-slate-500">
                {td("home.recentMapsEmpty")}{" "}
                <Link href={`${base}/maps`} className="font-medium text-brand-700 hover:underline">{td("empty.createMap")}</Link>
              </p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {recent.map((m) => (
                  <li key={m.id} className="flex items-center gap-3 py-2.5">
                    <div className="min-w-0 flex-1">
                      <Link href={`${base}/maps/${m.id}`} className="block truncate font-medium text-slate-900 hover:text-brand-700 hover:underline">{m.title}</Link>
                      <p className="truncate text-xs text-slate-500">
                        {td(`labels.${m.state}`)} · {m.touchpointCount} {td("columns.touchpoints")} ·{" "}
                        {td("home.changed", { when: format.relativeTime(m.updatedAt, now) })}
                        {m.updatedByName || m.updatedByEmail ? ` ${td("home.by", { name: (m.updatedByName || m.updatedByEmail)! })}` : ""}
                      </p>
                    </div>
                    <EmotionSparkline values={m.emotionCurve} label={`${td("columns.emotion")}: ${m.emotionCurve.map((e) => (e === null ? "–" : emotion(e))).join(", ") || "–"}`} />
                    <span
                      className="w-12 shrink-0 rounded px-1.5 py-0.5 text-center text-xs font-semibold tabular-nums"
                      style={{ background: emotionColor(m.avgEmotion), color: emotionTextColor(m.avgEmotion) }}
                      title={td("columns.avg")}
                    >
                      {m.avgEmotion === null ? "–" : emotion(m.avgEmotion)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Card className="p-4" data-testid="home-my-opportunities">
            <h2 className="text-base font-semibold text-slate-900">
              {td("home.myOpportunities")}
              {opportunities.total ? <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">{opportunities.total}</span> : null}
            </h2>
            <p className="mb-3 mt-0.5 text-xs text-slate-500">
              {department ? td("home.myOpportunitiesHint", { department: department.name }) : td("home.myOpportunitiesHintNoDepartment")}
            </p>
            {opportunities.items.length === 0 ? (
              <p className="rounded-lg border border-dashed border-slate-200 px-4 py-6 text-center text-sm text-slate-500">{td("home.myOpportunitiesEmpty")}</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {opportunities.items.map((o, i) => (
                  <li key={`${o.mapId}/${o.touchpointId}/${i}`} className="flex items-start gap-3 py-2.5">
                    <span className={`mt-0.5 shrink-0 rounded px-1.5 py-0.5 text-[11px] font-medium ${o.status === "in_progress" ? "bg-amber-50 text-amber-800" : "bg-slate-100 text-slate-700"}`}>
                      {td(`labels.statuses.${o.status}`)}
                    </span>
                    <div className="min-w-0 flex-1">
                      <p className="text-sm text-slate-900">{o.text}</p>
                      <p className="text-xs text-slate-500">
                        <Link href={`${base}/maps/${o.mapId}?touchpoint=${encodeURIComponent(o.touchpointId)}`} className="font-medium text-brand-700 hover:underline">{o.touchpoint}</Link>
                        {" · "}{o.mapTitle} · {o.stage}{o.owner ? ` · ${o.owner}` : ""}{o.department ? ` · ${o.department}` : ""}
                      </p>
                    </div>
                    <span className="shrink-0 text-xs tabular-nums text-slate-600" title={td("columns.emotion")}>{emotion(o.emotion)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>

        <div className="flex min-w-0 flex-col gap-4">
          <Card className="p-4" data-testid="home-due-for-review">
            <h2 className="text-base font-semibold text-slate-900">{td("home.dueForReview")}</h2>
            <p className="mb-3 mt-0.5 text-xs text-slate-500">{td("home.dueForReviewHint", { days: STALE_AFTER_DAYS })}</p>
            {due.length === 0 ? (
              <p className="rounded-lg border border-dashed border-slate-200 px-4 py-6 text-center text-sm text-slate-500">{td("home.dueForReviewEmpty")}</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {due.map((m) => (
                  <li key={m.mapId} className="py-2">
                    <Link href={`${base}/maps/${m.mapId}`} className="block truncate text-sm font-medium text-slate-900 hover:text-brand-700 hover:underline">{m.title}</Link>
                    <p className="text-xs text-amber-700">
                      <span aria-hidden>⏱ </span>
                      {td("home.staleFor", { days: td("labels.days", { count: m.daysStale }) })} · {td("columns.reviewedAt")}: {m.reviewedAt ? format.dateTime(m.reviewedAt, { dateStyle: "medium" }) : td("labels.never")}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <div className="flex flex-col gap-2" data-testid="home-emotion-by-stage">
            <HomeEmotionByStage slug={access.slug} rows={stages} />
            <Link href={`${base}/dashboard`} className="self-end text-sm font-medium text-brand-700 hover:underline">{td("home.openDashboard")} →</Link>
          </div>
        </div>
      </div>
    </div>
  );
}
