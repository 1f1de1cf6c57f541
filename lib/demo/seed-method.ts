// Demo content for issue 13, part A ("method"): the onboarding maps' stages get a goal, a central
// question ("Does the vendor keep its promise?"), a typical duration and a stage KPI; touchpoints of
// the current map get wow/frustration, priorities, a "superfluous?" flag, time to the next touchpoint,
// pain point severities, and impact/effort for their opportunities (so the dashboard's prioritisation
// matrix has points). Stages and touchpoints are addressed by position, so this works for the English
// and the German demo texts alike.
import type * as Y from "yjs";
import {
  addStageKpi, readMap, setMomentOfTruthKind, updateEvidence, updateOpportunity, updatePainPointDetails, updateStageDetails,
  updateTouchpointMethod, type KpiInput, type MomentOfTruthKind, type OpportunityRating, type PainPointDetails, type TouchpointPriority,
} from "@/lib/maps/map-document";

import type { DemoLocale } from "./content/types";

type Bi = { en: string; de: string };
type StageSpec = { goal: Bi; question: Bi; duration: Bi; kpi: KpiInput & { name: string; nameDe: string } };

const CURRENT_STAGES: StageSpec[] = [
  {
    goal: { en: "Get noticed by agencies that still plan client projects in spreadsheets", de: "Agenturen erreichen, die Kundenprojekte noch in Tabellen planen" },
    question: { en: "Does the ad promise what the product can keep?", de: "Verspricht die Anzeige, was das Produkt halten kann?" },
    duration: { en: "1–3 weeks", de: "1–3 Wochen" },
    kpi: { name: "Qualified leads", nameDe: "Qualifizierte Leads", target: 120, actual: 95, unit: "" },
  },
  {
    goal: { en: "The trial user has a first small success on their own", de: "Die Testperson hat allein einen ersten kleinen Erfolg" },
    question: { en: "Can I try it without being pushed?", de: "Kann ich es ausprobieren, ohne gedrängt zu werden?" },
    duration: { en: "14 days", de: "14 Tage" },
    kpi: { name: "Trial-to-paid", nameDe: "Test zu Kauf", target: 25, actual: 18, unit: "%" },
  },
  {
    goal: { en: "SSO live and the whole team invited within a week", de: "SSO läuft und das ganze Team ist innerhalb einer Woche eingeladen" },
    question: { en: "Does the vendor keep its promise?", de: "Hält der Anbieter sein Versprechen?" },
    duration: { en: "1–2 weeks", de: "1–2 Wochen" },
    kpi: { name: "Time to SSO live", nameDe: "Zeit bis SSO live", target: 2, actual: 6, unit: "days", higherIsBetter: false },
  },
  {
    goal: { en: "The first client project runs in Acme", de: "Das erste Kundenprojekt läuft in Acme" },
    question: { en: "Was it worth it?", de: "Hat es sich gelohnt?" },
    duration: { en: "2–4 weeks", de: "2–4 Wochen" },
    kpi: { name: "Accounts with a live project", nameDe: "Accounts mit laufendem Projekt", target: 80, actual: 64, unit: "%" },
  },
];

type TouchpointSpec = {
  kind?: MomentOfTruthKind;
  priority?: TouchpointPriority;
  superfluous?: boolean;
  timeToNext?: Bi;
  pains?: Partial<PainPointDetails>[];
  opportunities?: Partial<OpportunityRating>[];
  evidence?: { date: string; link: string }[];
};

/** By journey position in the current onboarding map (LinkedIn ad … first invoice). */
const CURRENT_TOUCHPOINTS: TouchpointSpec[] = [
  { priority: "low", timeToNext: { en: "a few days", de: "ein paar Tage" }, opportunities: [{ impact: 2, effort: 1, dueDate: "2026-09-30" }] },
  { priority: "medium", timeToNext: { en: "same day", de: "am selben Tag" }, pains: [{ severity: 2, frequency: "often", owner: "Ada Lindqvist", status: "open" }, { severity: 1, frequency: "sometimes" }] },
  { priority: "high", timeToNext: { en: "2 hours", de: "2 Stunden" }, pains: [{ severity: 2, frequency: "often", owner: "Mira (Growth PM)", status: "in_progress" }], opportunities: [{ impact: 4, effort: 2, dueDate: "2026-08-15" }] },
  {
    kind: "frustration", priority: "medium", superfluous: true, timeToNext: { en: "1–3 days", de: "1–3 Tage" },
    pains: [{ severity: 3, frequency: "often", owner: "Cem Yilmaz", status: "open" }, { severity: 2, frequency: "often" }],
    opportunities: [{ impact: 4, effort: 1, dueDate: "2026-07-31" }],
  },
  { priority: "low", superfluous: true, timeToNext: { en: "1 day", de: "1 Tag" } },
  {
    kind: "frustration", priority: "high", timeToNext: { en: "3–6 days", de: "3–6 Tage" },
    pains: [{ severity: 3, frequency: "often", owner: "Jonas (Solutions engineer)", status: "in_progress" }, { severity: 2, frequency: "sometimes", status: "open" }],
    opportunities: [{ impact: 5, effort: 4, dueDate: "2026-10-31" }],
    evidence: [{ date: "2026-06-30", link: "https://support.acme.example/reports/q2-onboarding" }],
  },
  { kind: "wow", priority: "high", timeToNext: { en: "about a week", de: "etwa eine Woche" } },
  { kind: "wow", priority: "high", timeToNext: { en: "2–3 weeks", de: "2–3 Wochen" } },
  { priority: "medium", pains: [{ severity: 2, frequency: "sometimes", owner: "Finance team", status: "open" }], opportunities: [{ impact: 3, effort: 3, dueDate: "2026-12-15" }] },
];

/** The future map: the same stages, the central question carried over; its ideas rated too. */
const FUTURE_OPPORTUNITY_RATINGS: Partial<OpportunityRating>[] = [{ impact: 3, effort: 2 }, { impact: 5, effort: 3 }, { impact: 2, effort: 4 }];

function applyStages(doc: Y.Doc, locale: DemoLocale) {
  const map = readMap(doc);
  map.stages.forEach((stage, i) => {
    const spec = CURRENT_STAGES[i];
    if (!spec) return;
    updateStageDetails(doc, stage.id, { goal: spec.goal[locale], centralQuestion: spec.question[locale], duration: spec.duration[locale] });
    const { nameDe, ...kpi } = spec.kpi;
    addStageKpi(doc, stage.id, { ...kpi, name: locale === "de" ? nameDe : kpi.name });
  });
}

/** Fills the method fields of the demo's current onboarding map (call before it is created). */
export function applyMethodDemoCurrent(doc: Y.Doc, locale: DemoLocale): void {
  doc.transact(() => {
    applyStages(doc, locale);
    readMap(doc).touchpoints.forEach((tp, i) => {
      const spec = CURRENT_TOUCHPOINTS[i];
      if (!spec) return;
      if (spec.kind) setMomentOfTruthKind(doc, tp.id, spec.kind);
      updateTouchpointMethod(doc, tp.id, { priority: spec.priority ?? null, superfluous: spec.superfluous ?? false, timeToNext: spec.timeToNext?.[locale] ?? "" });
      spec.pains?.forEach((p, k) => tp.painPoints[k] && updatePainPointDetails(doc, tp.id, tp.painPoints[k].id, p));
      spec.opportunities?.forEach((o, k) => tp.opportunities[k] && updateOpportunity(doc, tp.id, tp.opportunities[k].id, o));
      spec.evidence?.forEach((e, k) => tp.evidence[k] && updateEvidence(doc, tp.id, tp.evidence[k].id, e));
    });
  });
}

/** The future map: stage goals and questions too, and ratings for its opportunities. */
export function applyMethodDemoFuture(doc: Y.Doc, locale: DemoLocale): void {
  doc.transact(() => {
    applyStages(doc, locale);
    let n = 0;
    for (const tp of readMap(doc).touchpoints) {
      for (const o of tp.opportunities) {
        const rating = FUTURE_OPPORTUNITY_RATINGS[n++ % FUTURE_OPPORTUNITY_RATINGS.length];
        updateOpportunity(doc, tp.id, o.id, rating);
      }
    }
  });
}
