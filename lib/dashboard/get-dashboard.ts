// Every dashboard panel at once, for the page and GET /api/v1/workspaces/{slug}/dashboard.
import type { DbOrTx } from "@/db/client";
import { getActivity, type Activity } from "./activity";
import { getEmotionByStage, getEmotionByStageFromSummary, type EmotionByStageRow } from "./emotion-by-stage";
import { getEmotionCurves, type EmotionCurves } from "./emotion-curves";
import type { TDashboardFilters } from "./filters";
import { getFreshness, type Freshness } from "./freshness";
import { getGaps, type GapsPanel } from "./gaps";
import { getJourneyOutcomes, type JourneyOutcomes } from "./journey-outcomes";
import { getKpiAttainment, type KpiAttainment } from "./kpi-attainment";
import { getMomentsOfTruthAtRisk, type MomentsOfTruth } from "./moments-of-truth";
import { getOptimisationBacklog, type OptimisationBacklog } from "./optimisation-backlog";
import { getOverview, getOverviewFromSummary, type Overview } from "./overview";
import { getPrioritisationMatrix, type PrioritisationMatrix } from "./prioritisation-matrix";
import { getSiloHeatmap, getSiloHeatmapFromSummary, type SiloHeatmap } from "./silo-heatmap";
import { getTouchpointSummary } from "./touchpoint-summary";
import { getWorstTouchpoints, type WorstTouchpoint } from "./worst-touchpoints";

export type Dashboard = {
  overview: Overview;
  emotionByStage: EmotionByStageRow[];
  curves: EmotionCurves;
  worstTouchpoints: WorstTouchpoint[];
  momentsOfTruth: MomentsOfTruth;
  kpiAttainment: KpiAttainment;
  backlog: OptimisationBacklog;
  gaps: GapsPanel;
  silo: SiloHeatmap;
  freshness: Freshness;
  activity: Activity;
  matrix: PrioritisationMatrix;
  journeyOutcomes: JourneyOutcomes;
};

export type DashboardPanel = keyof Dashboard;

/** The panel functions by name: `getDashboard` runs them all; the benchmark times each. */
export const DASHBOARD_PANELS: { [K in DashboardPanel]: (db: DbOrTx, workspaceId: string, filters: TDashboardFilters, now: Date) => Promise<Dashboard[K]> } = {
  overview: (db, ws, f) => getOverview(db, ws, f),
  emotionByStage: (db, ws, f) => getEmotionByStage(db, ws, f),
  curves: (db, ws, f) => getEmotionCurves(db, ws, f),
  worstTouchpoints: (db, ws, f) => getWorstTouchpoints(db, ws, f),
  momentsOfTruth: (db, ws, f) => getMomentsOfTruthAtRisk(db, ws, f),
  kpiAttainment: (db, ws, f) => getKpiAttainment(db, ws, f),
  backlog: (db, ws, f) => getOptimisationBacklog(db, ws, f),
  gaps: (db, ws, f) => getGaps(db, ws, f),
  silo: (db, ws, f) => getSiloHeatmap(db, ws, f),
  freshness: (db, ws, f, now) => getFreshness(db, ws, f, { now }),
  activity: (db, ws, f) => getActivity(db, ws, f),
  matrix: (db, ws, f) => getPrioritisationMatrix(db, ws, f),
  journeyOutcomes: (db, ws, f, now) => getJourneyOutcomes(db, ws, f, now),
};

/** Every panel's data for `workspaceId` under `filters` (the caller has already checked access). */
export async function getDashboard(
  db: DbOrTx,
  workspaceId: string,
  filters: TDashboardFilters,
  options: { now?: Date; /** Receives each panel's wall time in ms (queries overlap on PostgreSQL). */ timings?: Partial<Record<DashboardPanel, number>> } = {},
): Promise<Dashboard> {
  const now = options.now ?? new Date();
  const names = Object.keys(DASHBOARD_PANELS) as DashboardPanel[];
  const timings = options.timings;
  // Overview, emotion by stage and the silo view share one scan of the touchpoints in scope.
  const summary = getTouchpointSummary(db, workspaceId, filters);
  summary.catch(() => {}); // awaited by the three panels below
  const panels: typeof DASHBOARD_PANELS = {
    ...DASHBOARD_PANELS,
    overview: (db, ws, f) => getOverviewFromSummary(db, ws, f, summary),
    emotionByStage: () => getEmotionByStageFromSummary(summary),
    silo: () => getSiloHeatmapFromSummary(summary),
  };
  const values = await Promise.all(
    names.map(async (name) => {
      const t0 = performance.now();
      const value = await panels[name](db, workspaceId, filters, now);
      if (timings) timings[name] = performance.now() - t0;
      return value;
    }),
  );
  return Object.fromEntries(names.map((name, i) => [name, values[i]])) as Dashboard;
}
