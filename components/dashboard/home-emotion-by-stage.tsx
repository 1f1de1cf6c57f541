"use client";
// The workspace home's small emotion-by-stage chart; clicking a stage opens the dashboard filtered by it.
import type { EmotionByStageRow } from "@/lib/dashboard/emotion-by-stage";
import { DashboardProvider, NO_FILTER_STATE } from "./dashboard-context";
import { EmotionByStagePanel } from "./panels/emotion-by-stage-panel";

export function HomeEmotionByStage({ slug, rows }: { slug: string; rows: EmotionByStageRow[] }) {
  return (
    <DashboardProvider slug={slug} filters={NO_FILTER_STATE} basePath={`/w/${slug}/dashboard`}>
      <EmotionByStagePanel rows={rows} compact />
    </DashboardProvider>
  );
}
