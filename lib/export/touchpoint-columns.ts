// The table shape of a map (CSV, XLSX, import): one touchpoint per row, one column per field. The
// column keys are the export format's field names (CONTRACT §7) so a file exported here imports
// back unchanged; the labels are the editor's English and German lane names, which the import also
// recognises as headers.
import type { Kpi, Touchpoint } from "@/lib/maps/map-document";

export const TOUCHPOINT_COLUMNS = [
  "stage", "title", "channel", "device", "department", "owner", "activity", "goal", "informationNeeded",
  "thoughts", "emotion", "momentOfTruth", "painPoints", "opportunities", "systems", "kpis", "evidence",
  // Issue 13 (method): appended, so files exported before keep their column positions.
  "momentOfTruthKind", "priority", "superfluous", "timeToNext",
] as const;
export type TouchpointColumn = (typeof TOUCHPOINT_COLUMNS)[number];

/** Header labels in both UI languages (the editor's lane names where there is one). */
export const COLUMN_LABELS: Record<TouchpointColumn, { en: string; de: string }> = {
  stage: { en: "Stage", de: "Phase" },
  title: { en: "Touchpoint", de: "Touchpoint" },
  channel: { en: "Channel", de: "Kanal" },
  device: { en: "Device", de: "Gerät" },
  department: { en: "Owner department", de: "Verantwortliche Abteilung" },
  owner: { en: "Responsible person", de: "Verantwortliche Person" },
  activity: { en: "Activity", de: "Aktivität" },
  goal: { en: "Customer goal", de: "Ziel der Kundschaft" },
  informationNeeded: { en: "Information needed", de: "Benötigte Informationen" },
  thoughts: { en: "Thoughts & feelings", de: "Gedanken & Gefühle" },
  emotion: { en: "Emotion", de: "Emotion" },
  momentOfTruth: { en: "Moment of truth", de: "Moment of Truth" },
  painPoints: { en: "Pain points", de: "Pain Points" },
  opportunities: { en: "Opportunities", de: "Verbesserungsideen" },
  systems: { en: "Systems", de: "Systeme" },
  kpis: { en: "KPIs", de: "KPIs" },
  evidence: { en: "Evidence", de: "Belege" },
  momentOfTruthKind: { en: "Wow or frustration", de: "Wow oder Frust" },
  priority: { en: "Priority", de: "Priorität" },
  superfluous: { en: "Superfluous?", de: "Überflüssig?" },
  timeToNext: { en: "Time to next touchpoint", de: "Zeit bis zum nächsten Touchpoint" },
};

/** Items of a list field share one cell, one item per line (Alt+Enter in a spreadsheet). */
export const LIST_SEPARATOR = "\n";

/** "NPS: 42 / 50 points" — name, then actual / target and unit when known. Parsed back by the import. */
export function formatKpi(k: Pick<Kpi, "name" | "actual" | "target" | "unit">): string {
  if (k.actual === null && k.target === null && !k.unit) return k.name;
  const actual = k.actual === null ? "" : String(k.actual);
  const target = k.target === null ? "" : ` / ${k.target}`;
  return `${k.name}: ${actual}${target}${k.unit ? ` ${k.unit}` : ""}`.replace(/:\s+\//, ": /");
}

/** "qualitative: text (source)" per evidence item. */
export function formatEvidence(e: Touchpoint["evidence"][number]): string {
  return `${e.kind}: ${e.text}${e.source ? ` (${e.source})` : ""}`;
}

/** The plain cell values of one touchpoint, keyed by column (numbers stay numbers for XLSX). */
export function touchpointCells(tp: Touchpoint, stageName: string): Record<TouchpointColumn, string | number | boolean | null> {
  return {
    stage: stageName,
    title: tp.title,
    channel: tp.channel,
    device: tp.device,
    department: tp.department,
    owner: tp.owner,
    activity: tp.activity,
    goal: tp.goal,
    informationNeeded: tp.informationNeeded,
    thoughts: tp.thoughts,
    emotion: tp.emotion,
    momentOfTruth: tp.momentOfTruth,
    painPoints: tp.painPoints.map((p) => p.text).join(LIST_SEPARATOR),
    opportunities: tp.opportunities.map((o) => o.text).join(LIST_SEPARATOR),
    systems: tp.systems.join(LIST_SEPARATOR),
    kpis: tp.kpis.map(formatKpi).join(LIST_SEPARATOR),
    evidence: tp.evidence.map(formatEvidence).join(LIST_SEPARATOR),
    momentOfTruthKind: tp.momentOfTruthKind ?? "",
    priority: tp.priority ?? "",
    superfluous: tp.superfluous,
    timeToNext: tp.timeToNext,
  };
}
