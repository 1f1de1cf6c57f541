"use client";
// The dashboard page's client part: the filter bar and the grid of cards, all fed by one server
// computation (lib/dashboard/get-dashboard.ts) for the filters in the URL.
import { memo } from "react";
import { useTranslations } from "next-intl";
import { DeferUntil } from "@/components/charts/defer";
import type { Dashboard } from "@/lib/dashboard/get-dashboard";
import type { DashboardFilterOptions } from "@/lib/dashboard/filter-options";
import { DashboardProvider, useDashboard, useDashboardFormat, useDashboardPending, type FilterState } from "./dashboard-context";
import { DashboardFilters } from "./dashboard-filters";
import { ActivityPanel } from "./panels/activity-panel";
import { BacklogPanel } from "./panels/backlog-panel";
import { CurvesPanel } from "./panels/curves-panel";
import { CurrentVsFuturePanel } from "./panels/current-vs-future-panel";
import { EmotionByStagePanel } from "./panels/emotion-by-stage-panel";
import { FreshnessPanel } from "./panels/freshness-panel";
import { GapsPanel, HandoversPanel } from "./panels/gaps-panels";
import { JourneyOutcomesPanel } from "./panels/journey-outcomes-panel";
import { KpiAttainmentPanel, KpiListPanel } from "./panels/kpi-panels";
import { MomentsOfTruthPanel } from "./panels/moments-of-truth-panel";
import { PrioritisationMatrixPanel } from "./panels/prioritisation-matrix-panel";
import { SiloPanel } from "./panels/silo-panel";
import { WorstTouchpointsPanel } from "./panels/worst-touchpoints-panel";

export type DashboardViewProps = {
  slug: string;
  dashboard: Dashboard;
  options: DashboardFilterOptions;
  filters: FilterState;
  invalidFilters: boolean;
};

export function DashboardView({ slug, dashboard, options, filters, invalidFilters }: DashboardViewProps) {
  return (
    <DashboardProvider slug={slug} filters={filters}>
      <DashboardFilters options={options} />
      <DashboardBody dashboard={dashboard} invalidFilters={invalidFilters} />
    </DashboardProvider>
  );
}

function DashboardBody({ dashboard, invalidFilters }: { dashboard: Dashboard; invalidFilters: boolean }) {
  const isPending = useDashboardPending();
  return (
    <div aria-busy={isPending} className={`transition-opacity ${isPending ? "opacity-60" : ""}`} data-testid="dashboard-grid">
      <Panels dashboard={dashboard} invalidFilters={invalidFilters} />
    </div>
  );
}

/**
 * Every card, re-rendered only when the figures change (not when a filter change starts). The first
 * row's charts are drawn right after hydration; below it, charts and long tables when scrolled near —
 * one at a time, each in its own short task (components/charts/defer.tsx). Cards' titles, insights and
 * buttons are always there.
 */
const Panels = memo(function Panels({ dashboard: d, invalidFilters }: { dashboard: Dashboard; invalidFilters: boolean }) {
  const t = useTranslations("dashboard");
  const { filters, setFilters } = useDashboard();
  const hasFilters = Boolean(filters.personas.length || filters.maps.length || filters.department || filters.stage || filters.state || filters.since);
  return (
    <>
      {invalidFilters ? (
        <p role="alert" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{t("filters.invalid")}</p>
      ) : null}
      {filters.personas.length === 1 ? <PersonaEmotionNote /> : null}
      <Overview overview={d.overview} />
      {d.overview.touchpoints === 0 && hasFilters ? (
        <div className="mb-4 rounded-xl border border-dashed border-slate-300 bg-white px-6 py-8 text-center">
          <p className="font-semibold text-slate-900">{t("empty.filteredTitle")}</p>
          <p className="mt-1 text-sm text-slate-600">{t("empty.filteredText")}</p>
          <button type="button" className="mt-3 text-sm font-medium text-brand-700 hover:underline"
            onClick={() => setFilters({ personas: [], department: null, stage: null, state: null, maps: [], since: null })}
          >
            {t("filters.clear")}
          </button>
        </div>
      ) : null}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <DeferUntil mode="idle">
          <EmotionByStagePanel rows={d.emotionByStage} />
          <CurvesPanel curves={d.curves} />
        </DeferUntil>
        <DeferUntil mode="near">
          <WorstTouchpointsPanel rows={d.worstTouchpoints} />
          <MomentsOfTruthPanel data={d.momentsOfTruth} />
          <SiloPanel data={d.silo} />
          <KpiAttainmentPanel data={d.kpiAttainment} />
          <BacklogPanel data={d.backlog} />
          <PrioritisationMatrixPanel data={d.matrix} />
          <KpiListPanel data={d.kpiAttainment} />
          <GapsPanel data={d.gaps} />
          <HandoversPanel data={d.gaps} />
          <FreshnessPanel data={d.freshness} />
          <ActivityPanel data={d.activity} />
          <JourneyOutcomesPanel data={d.journeyOutcomes} />
          <CurrentVsFuturePanel data={d.currentVsFuture} />
        </DeferUntil>
      </div>
    </>
  );
});

/** With exactly one persona selected, emotion figures use that persona's ratings (lib/dashboard/persona-emotion.ts). */
function PersonaEmotionNote() {
  const t = useTranslations("curves.dashboard");
  return <p className="mb-4 text-xs text-slate-600" data-testid="persona-emotion-note">{t("personaEmotion")}</p>;
}

function Overview({ overview }: { overview: Dashboard["overview"] }) {
  const t = useTranslations("dashboard");
  const f = useDashboardFormat();
  const tiles = [
    { key: "maps", value: f.number(overview.maps, 0) },
    { key: "touchpoints", value: f.number(overview.touchpoints, 0) },
    { key: "avgEmotion", value: f.emotion(overview.avgEmotion) },
    { key: "momentsOfTruth", value: f.number(overview.momentsOfTruth, 0) },
    { key: "negative", value: f.number(overview.negative, 0) },
  ] as const;
  return (
    <dl className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" data-testid="dashboard-overview">
      {tiles.map((tile) => (
        <div key={tile.key} className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm">
          <dt className="text-xs font-medium text-slate-500">{t(`overview.${tile.key}`)}</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900" data-testid={`overview-${tile.key}`}>{tile.value}</dd>
        </div>
      ))}
    </dl>
  );
}
