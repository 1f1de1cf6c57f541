// Method (issue 13, part A): the Y-level reading and writing of the stage substance and the sharper
// touchpoint fields. Depends only on yjs and the types, so y-model/read/export can all use it.
//
//   STAGE Y.Map (added): goal (Y.Text), centralQuestion (Y.Text), duration (string),
//     kpis (Y.Array<Y.Map{id, name, target, actual, unit, higherIsBetter}>, like touchpoint KPIs)
//   TOUCHPOINT Y.Map (added): momentOfTruthKind ("wow"|"frustration"|null; momentOfTruth stays the
//     boolean old code reads and writes), priority ("high"|"medium"|"low"|null), superfluous (boolean),
//     timeToNext (string)
//   pain point Y.Map (added): severity (1–3|null), frequency, owner, status
//   opportunity Y.Map (added): impact (1–5|null), effort (1–5|null), dueDate ("YYYY-MM-DD"|null)
//   evidence Y.Map (added): date ("YYYY-MM-DD"|null), link (http/https URL or "")
import * as Y from "yjs";
import { MOMENT_OF_TRUTH_KINDS, PAIN_FREQUENCIES, PAIN_STATUSES, TOUCHPOINT_PRIORITIES } from "./types";
import type {
  EvidenceDetails, Kpi, MomentOfTruthKind, OpportunityRating, PainPointDetails, StageDetails, TouchpointMethod,
} from "./types";

type YMapAny = Y.Map<unknown>;

function s(v: unknown): string {
  if (typeof v === "string") return v;
  if (v instanceof Y.Text) return v.toString();
  return "";
}
function pick<T extends string>(v: unknown, allowed: readonly T[]): T | null {
  return typeof v === "string" && (allowed as readonly string[]).includes(v) ? (v as T) : null;
}

/** An integer in [min, max], or null for anything else (rounded; out of range → null). */
export function ratingOrNull(v: unknown, min: number, max: number): number | null {
  if (typeof v !== "number" || !Number.isFinite(v)) return null;
  const n = Math.round(v);
  return n >= min && n <= max ? n : null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** "YYYY-MM-DD" naming a real calendar day. */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== "string") return false;
  const m = ISO_DATE.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}
export function dateOrNull(v: unknown): string | null {
  return isIsoDate(v) ? v : null;
}

/** An absolute http:// or https:// URL (the only links the UI renders as links). */
export function isHttpLink(v: unknown): v is string {
  if (typeof v !== "string" || !v) return false;
  try {
    const u = new URL(v);
    return (u.protocol === "http:" || u.protocol === "https:") && /^https?:\/\//i.test(v.trim());
  } catch {
    return false;
  }
}
export function linkOrEmpty(v: unknown): string {
  return isHttpLink(v) ? v.trim() : "";
}

/**
 * The kind of a moment of truth that only has the old boolean (documents and exports from before
 * issue 13): a positive emotion reads as "wow", anything else (negative, neutral, unrated) as
 * "frustration" — a moment of truth nobody rated is one to look at, not one to celebrate.
 */
export function legacyMomentOfTruthKind(emotion: number | null): MomentOfTruthKind {
  return emotion !== null && emotion > 0 ? "wow" : "frustration";
}

export function readTouchpointMethod(tp: YMapAny, emotion: number | null): TouchpointMethod {
  // The boolean decides whether it is a moment of truth (old clients only write that one); the kind which.
  const kind = tp.get("momentOfTruth") === true ? (pick(tp.get("momentOfTruthKind"), MOMENT_OF_TRUTH_KINDS) ?? legacyMomentOfTruthKind(emotion)) : null;
  return {
    momentOfTruthKind: kind,
    priority: pick(tp.get("priority"), TOUCHPOINT_PRIORITIES),
    superfluous: tp.get("superfluous") === true,
    timeToNext: s(tp.get("timeToNext")),
  };
}

export function writeMomentOfTruthKind(tp: YMapAny, kind: MomentOfTruthKind | null): void {
  setIf(tp, "momentOfTruthKind", kind);
  setIf(tp, "momentOfTruth", kind !== null);
}

/** Writes the method fields present in `input` (undefined = leave as is). */
export function writeTouchpointMethod(tp: YMapAny, input: Partial<TouchpointMethod>): void {
  if (input.momentOfTruthKind !== undefined) writeMomentOfTruthKind(tp, pick(input.momentOfTruthKind, MOMENT_OF_TRUTH_KINDS));
  if (input.priority !== undefined) setIf(tp, "priority", pick(input.priority, TOUCHPOINT_PRIORITIES));
  if (input.superfluous !== undefined) setIf(tp, "superfluous", input.superfluous === true);
  if (input.timeToNext !== undefined) setIf(tp, "timeToNext", input.timeToNext);
}

/** Sets only on change; a map not yet in a document (being built) cannot be read, so it is just set. */
function setIf(m: YMapAny, key: string, value: unknown): void {
  if (m.doc === null || m.get(key) !== value) m.set(key, value);
}

export function readPainPointDetails(m: YMapAny): PainPointDetails {
  return {
    severity: ratingOrNull(m.get("severity"), 1, 3),
    frequency: pick(m.get("frequency"), PAIN_FREQUENCIES),
    owner: s(m.get("owner")),
    status: pick(m.get("status"), PAIN_STATUSES) ?? "open",
  };
}
export function writePainPointDetails(m: YMapAny, patch: Partial<PainPointDetails>): void {
  if (patch.severity !== undefined) setIf(m, "severity", ratingOrNull(patch.severity, 1, 3));
  if (patch.frequency !== undefined) setIf(m, "frequency", pick(patch.frequency, PAIN_FREQUENCIES));
  if (patch.owner !== undefined) setIf(m, "owner", patch.owner);
  if (patch.status !== undefined) setIf(m, "status", pick(patch.status, PAIN_STATUSES) ?? "open");
}

export function readOpportunityRating(m: YMapAny): OpportunityRating {
  return { impact: ratingOrNull(m.get("impact"), 1, 5), effort: ratingOrNull(m.get("effort"), 1, 5), dueDate: dateOrNull(m.get("dueDate")) };
}
export function writeOpportunityRating(m: YMapAny, patch: Partial<OpportunityRating>): void {
  if (patch.impact !== undefined) setIf(m, "impact", ratingOrNull(patch.impact, 1, 5));
  if (patch.effort !== undefined) setIf(m, "effort", ratingOrNull(patch.effort, 1, 5));
  if (patch.dueDate !== undefined) setIf(m, "dueDate", dateOrNull(patch.dueDate));
}

export function readEvidenceDetails(m: YMapAny): EvidenceDetails {
  return { date: dateOrNull(m.get("date")), link: linkOrEmpty(m.get("link")) };
}
export function writeEvidenceDetails(m: YMapAny, patch: Partial<EvidenceDetails>): void {
  if (patch.date !== undefined) setIf(m, "date", dateOrNull(patch.date));
  if (patch.link !== undefined) setIf(m, "link", linkOrEmpty(patch.link));
}

export function readStageDetails(st: YMapAny | undefined, readKpi: (m: YMapAny) => Kpi): StageDetails {
  const kpis = st?.get("kpis");
  const list: Kpi[] = [];
  if (kpis instanceof Y.Array) for (const m of kpis) if (m instanceof Y.Map) list.push(readKpi(m));
  return { goal: s(st?.get("goal")), centralQuestion: s(st?.get("centralQuestion")), duration: s(st?.get("duration")), kpis: list };
}

/** The stage's Y types, created with the stage so two people never race to create "the" Y.Text. */
export function initStageDetails(st: YMapAny, input: { goal?: string; centralQuestion?: string; duration?: string } = {}, kpis: YMapAny[] = []): void {
  st.set("goal", textWith(input.goal ?? ""));
  st.set("centralQuestion", textWith(input.centralQuestion ?? ""));
  st.set("duration", input.duration ?? "");
  const list = new Y.Array<YMapAny>();
  list.push(kpis);
  st.set("kpis", list);
}

function textWith(value: string): Y.Text {
  const t = new Y.Text();
  if (value) t.insert(0, value);
  return t;
}
