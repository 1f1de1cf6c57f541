// Demo content for issue 13 part B ("curves"): the current onboarding map gets a curve per linked
// persona (the IT admin and the daily user feel the same process differently) and journey KPIs
// (NPS, CSAT, retention) with six monthly measurements each, stored as history like the metrics
// API stores them. Runs after the personas seeder (it needs the linked personas).
import type { Database } from "@/db/client";
import { touchpointMetrics } from "@/db/schema";
import { mapDocName } from "@/lib/live-documents/doc-name";
import { addJourneyKpi, readMap, setPersonaEmotion, updateJourneyKpi, type JourneyKpiMetric, type MapData } from "@/lib/maps/map-document";
import { projectMap } from "@/lib/maps/project-map";
import { getDocumentStore } from "@/lib/personas/document-store";

/**
 * Emotion per touchpoint of "SaaS onboarding (current)", in journey order (ad, pricing, trial
 * sign-up, sales call, welcome e-mail, SSO setup, onboarding call, first project, first invoice).
 * The admin suffers at SSO and pricing; the daily user barely notices them and enjoys the first project.
 */
const ADMIN_CURVE = [1, -2, -1, -2, 0, -3, 1, 2, -1];
const USER_CURVE = [1, 0, -1, -1, 1, 0, 2, 3, 0];

type KpiSpec = { metric: JourneyKpiMetric; name: { en: string; de: string }; target: number; unit: string; values: number[] };
/** Six monthly values, oldest first: a slow improvement after the SSO fix in month four. */
const KPIS: KpiSpec[] = [
  { metric: "nps", name: { en: "Net Promoter Score", de: "Net Promoter Score" }, target: 40, unit: "", values: [18, 21, 20, 27, 31, 34] },
  { metric: "csat", name: { en: "Onboarding satisfaction (CSAT)", de: "Zufriedenheit Onboarding (CSAT)" }, target: 85, unit: "%", values: [71, 72, 74, 78, 80, 82] },
  { metric: "retention", name: { en: "Active after 90 days", de: "Aktiv nach 90 Tagen" }, target: 90, unit: "%", values: [84, 83, 85, 86, 88, 88] },
];

/** Adds persona curves and journey KPIs with history to the map `mapId` of the demo workspace. */
export async function seedDemoCurves(db: Database, { workspaceId, mapId, locale = "en", now = new Date() }: { workspaceId: string; mapId: string; locale?: "en" | "de"; now?: Date }): Promise<void> {
  // Monthly points: the first of each of the last six months (the newest is this month).
  const months = KPIS[0].values.map((_, i) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (KPIS[0].values.length - 1 - i), 1, 9)));
  const kpiIds: string[] = [];
  let map: MapData | null = null;
  await getDocumentStore(db).edit(mapDocName(mapId), workspaceId, (doc) => {
    const current = readMap(doc);
    const [admin, user] = current.personaIds;
    current.touchpoints.forEach((t, i) => {
      if (admin && i < ADMIN_CURVE.length) setPersonaEmotion(doc, t.id, admin, ADMIN_CURVE[i]);
      if (user && i < USER_CURVE.length) setPersonaEmotion(doc, t.id, user, USER_CURVE[i]);
    });
    for (const k of KPIS) {
      const id = addJourneyKpi(doc, { name: k.name[locale], metric: k.metric, target: k.target, unit: k.unit });
      updateJourneyKpi(doc, id, { actual: k.values.at(-1)! });
      kpiIds.push(id);
    }
    map = readMap(doc);
  });
  await db.insert(touchpointMetrics).values(
    KPIS.flatMap((k, ki) => k.values.map((value, i) => ({ workspaceId, mapId, scope: "journey", touchpointId: "", kpi: k.name[locale], kpiId: kpiIds[ki], value, at: months[i] }))),
  );
  // The projection hooks are not running while the demo is seeded.
  await projectMap(db, { workspaceId, mapId, map: map!, initial: true });
}
