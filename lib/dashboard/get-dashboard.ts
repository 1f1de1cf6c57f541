// Every dashboard panel at once, for the page and GET /api/v1/workspaces/{slug}/dashboard.
import type { DbOrTx } from "@/db/client";
import { getActivity, type Activity } from "./activity";
import { getCurrentVsFuture, type CurrentVsFuture } from "./current-vs-future";
import { getEmotionByStage, type EmotionByStageRow } from "./emotion-by-stage";
import { getEmotionCurves, type EmotionCurves } from "./emotion-curves";
import type { TDashboardFilters } from "./filters";
import { getFreshness, type Freshness } from "./freshness";
import { getGaps, type GapsPanel } from "./gaps";
import { getKpiAttainment, type KpiAttainment } from "./kpi-attainment";
import { getMomentsOfTruthAtRisk, type MomentsOfTruth } from "./moments-of-truth";
import { getOptimisationBacklog, type OptimisationBacklog } from "./optimisation-backlog";
import { getOverview, type Overview } from "./overview";
import { getSiloHeatmap, type SiloHeatmap } from "./silo-heatmap";
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
  currentVsFuture: CurrentVsFuture;
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
  currentVsFuture: (db, ws, f) => getCurrentVsFuture(db, ws, f),
};

/** Every panel's data for `workspaceId` under `filters` (the caller has already checked access). */
export async function getDashboard(
  db: DbOrTx,
  workspaceId: string,
  filters: TDashboardFilters,
  options: { now?: Date } = {},
): Promise<Dashboard> {
  const now = options.now ?? new Date();
  const names = Object.keys(DASHBOARD_PANELS) as DashboardPanel[];
  const values = await Promise.all(names.map((name) => DASHBOARD_PANELS[name](db, workspaceId, filters, now)));
  return Object.fromEntries(names.map((name, i) => [name, values[i]])) as Dashboard;
}
