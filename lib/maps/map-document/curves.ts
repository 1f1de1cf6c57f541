import * as Y from "yjs";
import { z } from "zod";
import { MAP_LIMITS, MapDocumentError } from "./types";
import type { MapData } from "./types";
import { clampEmotion, findInArray, newId, num, oneOf, readMapsRaw, setIfChanged, str, touchpointMap } from "./y-model";
import type { YMapAny } from "./y-model";

// ---------------------------------------------------------------------------------------------
// Curves (issue 13, part B): a curve per persona and journey outcomes.
//
//   TOUCHPOINT.personaEmotions  Y.Map<personaId, -3…3>   the emotion of one linked persona; the plain
//                                                        `emotion` stays the default curve. Missing key
//                                                        = that persona has not been rated there.
//   doc.getArray("journeyKpis") Y.Array<Y.Map{id, name, metric, target, actual, unit, higherIsBetter}>
//                                                        map-level outcomes (CSAT, NPS, …) with targets.
// Both are optional: old documents read as {} and [] (nothing is written until someone edits).

export const JOURNEY_KPI_METRICS = ["csat", "ces", "nps", "retention", "conversion", "revenue", "custom"] as const;
export type JourneyKpiMetric = (typeof JOURNEY_KPI_METRICS)[number];

export type JourneyKpi = {
  id: string;
  name: string;
  metric: JourneyKpiMetric;
  target: number | null;
  actual: number | null;
  unit: string;
  higherIsBetter: boolean;
};
export type JourneyKpiInput = { name: string; metric?: JourneyKpiMetric; target?: number | null; actual?: number | null; unit?: string; higherIsBetter?: boolean };

/** Sensible defaults per metric (unit, direction) for the "add outcome" form. */
export const JOURNEY_KPI_DEFAULTS: Record<JourneyKpiMetric, { unit: string; higherIsBetter: boolean }> = {
  csat: { unit: "%", higherIsBetter: true },
  ces: { unit: "", higherIsBetter: false },
  nps: { unit: "", higherIsBetter: true },
  retention: { unit: "%", higherIsBetter: true },
  conversion: { unit: "%", higherIsBetter: true },
  revenue: { unit: "€", higherIsBetter: true },
  custom: { unit: "", higherIsBetter: true },
};

/** At most this many journey KPIs per map. */
export const MAX_JOURNEY_KPIS = MAP_LIMITS.listItems;

const journeyKpisOf = (doc: Y.Doc) => doc.getArray<YMapAny>("journeyKpis");

// --- persona emotions ------------------------------------------------------------------------

/** The persona emotions of a touchpoint's Y.Map as plain data (invalid values dropped). */
export function readPersonaEmotions(tp: YMapAny): Record<string, number> {
  const m = tp.get("personaEmotions");
  const out: Record<string, number> = {};
  if (!(m instanceof Y.Map)) return out;
  for (const [personaId, value] of m.entries()) {
    const e = clampEmotion(value);
    if (personaId && e !== null) out[personaId] = e;
  }
  return out;
}

// Touchpoints get their Y.Map when created. One from an older document gets it on the first rating;
// if two people give the very first ratings of such a touchpoint at the same moment, one map wins.
function personaEmotionsMap(tp: YMapAny): Y.Map<number> {
  let m = tp.get("personaEmotions");
  if (!(m instanceof Y.Map)) {
    m = new Y.Map<number>();
    tp.set("personaEmotions", m);
  }
  return m as Y.Map<number>;
}

/** A fresh Y.Map for a new touchpoint (templates, import). */
export function makePersonaEmotions(values: Record<string, number | null> | undefined): Y.Map<number> {
  const m = new Y.Map<number>();
  for (const [personaId, v] of Object.entries(values ?? {})) {
    const e = clampEmotion(v);
    if (personaId && e !== null) m.set(personaId, e);
  }
  return m;
}

/**
 * Sets one persona's emotion on a touchpoint (-3…+3, rounded and clamped) or clears it with null.
 * Each persona is its own key, so two people rating different personas at once never collide.
 */
export function setPersonaEmotion(doc: Y.Doc, touchpointId: string, personaId: string, emotion: number | null): boolean {
  const tp = touchpointMap(doc, touchpointId);
  if (!tp || !personaId) return false;
  const value = clampEmotion(emotion);
  doc.transact(() => {
    const m = personaEmotionsMap(tp);
    if (value === null) {
      if (m.has(personaId)) m.delete(personaId);
    } else if (m.get(personaId) !== value) m.set(personaId, value);
  });
  return true;
}

/** Replaces every persona emotion of a touchpoint (import); only differences are written. */
export function replacePersonaEmotions(tp: YMapAny, values: Record<string, number>): void {
  const current = readPersonaEmotions(tp);
  const m = personaEmotionsMap(tp);
  for (const key of [...m.keys()]) if (!(key in values)) m.delete(key);
  for (const [key, v] of Object.entries(values)) if (current[key] !== v) m.set(key, v);
}

export type PersonaCurvePoint = { touchpointId: string; stageId: string; title: string; emotion: number | null };
export type PersonaCurve = {
  personaId: string;
  points: PersonaCurvePoint[];
  /** The lowest rated point (the first on ties); null when nothing is rated. */
  lowest: PersonaCurvePoint | null;
};

/**
 * One curve per linked persona, in journey order. A persona's point is its own rating; unrated
 * touchpoints fall back to the default `emotion` only when `fallback` is true (the dashboard does,
 * the editor shows gaps so it is visible what has not been rated yet).
 */
export function personaCurves(map: Pick<MapData, "personaIds" | "touchpoints">, options: { fallback?: boolean } = {}): PersonaCurve[] {
  return map.personaIds.map((personaId) => {
    const points = map.touchpoints.map((t) => ({
      touchpointId: t.id,
      stageId: t.stageId,
      title: t.title,
      emotion: t.personaEmotions[personaId] ?? (options.fallback ? t.emotion : null),
    }));
    let lowest: PersonaCurvePoint | null = null;
    for (const p of points) if (p.emotion !== null && (lowest === null || p.emotion < lowest.emotion!)) lowest = p;
    return { personaId, points, lowest };
  });
}

/** Whether the map shows one curve per persona (two or more linked personas); otherwise the single default curve. */
export function hasPersonaCurves(map: Pick<MapData, "personaIds">): boolean {
  return map.personaIds.length >= 2;
}

// --- journey KPIs ----------------------------------------------------------------------------

function readJourneyKpi(m: YMapAny): JourneyKpi {
  return {
    id: str(m.get("id")),
    name: str(m.get("name")),
    metric: oneOf(m.get("metric"), JOURNEY_KPI_METRICS, "custom"),
    target: num(m.get("target")),
    actual: num(m.get("actual")),
    unit: str(m.get("unit")),
    higherIsBetter: m.get("higherIsBetter") !== false,
  };
}

/** The map's journey KPIs (outcomes) in order; [] for documents from before they existed. */
export function readJourneyKpis(doc: Y.Doc): JourneyKpi[] {
  const seen = new Set<string>();
  const out: JourneyKpi[] = [];
  for (const m of readMapsRaw(journeyKpisOf(doc))) {
    const k = readJourneyKpi(m);
    if (!k.id || seen.has(k.id)) continue;
    seen.add(k.id);
    out.push(k);
  }
  return out;
}

export function makeJourneyKpi(input: JourneyKpiInput, id = newId()): YMapAny {
  const metric = input.metric ?? "custom";
  const m = new Y.Map<unknown>();
  m.set("id", id);
  m.set("name", input.name);
  m.set("metric", metric);
  m.set("target", num(input.target ?? null));
  m.set("actual", num(input.actual ?? null));
  m.set("unit", input.unit ?? JOURNEY_KPI_DEFAULTS[metric].unit);
  m.set("higherIsBetter", input.higherIsBetter ?? JOURNEY_KPI_DEFAULTS[metric].higherIsBetter);
  return m;
}

/** Adds a journey KPI at the end and returns its id. */
export function addJourneyKpi(doc: Y.Doc, input: JourneyKpiInput, id: string = newId()): string {
  const arr = journeyKpisOf(doc);
  if (arr.length >= MAX_JOURNEY_KPIS) throw new MapDocumentError("list_limit");
  doc.transact(() => arr.push([makeJourneyKpi(input, id)]));
  return id;
}

export function updateJourneyKpi(doc: Y.Doc, kpiId: string, patch: Partial<Omit<JourneyKpi, "id">>): boolean {
  const found = findInArray(journeyKpisOf(doc), kpiId);
  if (!found) return false;
  doc.transact(() => {
    const m = found.map;
    if (patch.name !== undefined) setIfChanged(m, "name", patch.name);
    if (patch.metric !== undefined) setIfChanged(m, "metric", patch.metric);
    if (patch.target !== undefined) setIfChanged(m, "target", num(patch.target));
    if (patch.actual !== undefined) setIfChanged(m, "actual", num(patch.actual));
    if (patch.unit !== undefined) setIfChanged(m, "unit", patch.unit);
    if (patch.higherIsBetter !== undefined) setIfChanged(m, "higherIsBetter", patch.higherIsBetter);
  });
  return true;
}

export function removeJourneyKpi(doc: Y.Doc, kpiId: string): boolean {
  const arr = journeyKpisOf(doc);
  const found = findInArray(arr, kpiId);
  if (!found) return false;
  doc.transact(() => arr.delete(found.index, 1));
  return true;
}

/** Finds a journey KPI by id, else by name (case-insensitive, trimmed). */
export function findJourneyKpi(kpis: JourneyKpi[], idOrName: string): JourneyKpi | undefined {
  const wanted = idOrName.trim().toLowerCase();
  return kpis.find((k) => k.id === idOrName) ?? kpis.find((k) => k.name.trim().toLowerCase() === wanted);
}

/** Sets the actual of the journey KPI named (or with the id) `idOrName`; false when there is none. */
export function setJourneyKpiActual(doc: Y.Doc, idOrName: string, actual: number): boolean {
  const kpi = findJourneyKpi(readJourneyKpis(doc), idOrName);
  return kpi ? updateJourneyKpi(doc, kpi.id, { actual }) : false;
}

/** Replaces all journey KPIs (import); untouched when equal. */
export function replaceJourneyKpis(doc: Y.Doc, kpis: JourneyKpiInput[]): void {
  const current = readJourneyKpis(doc).map(({ id: _id, ...rest }) => rest);
  const next = kpis.map((k) => {
    const metric = k.metric ?? "custom";
    return {
      name: k.name,
      metric,
      target: k.target ?? null,
      actual: k.actual ?? null,
      unit: k.unit ?? JOURNEY_KPI_DEFAULTS[metric].unit,
      higherIsBetter: k.higherIsBetter ?? JOURNEY_KPI_DEFAULTS[metric].higherIsBetter,
    };
  });
  if (JSON.stringify(current) === JSON.stringify(next)) return;
  const arr = journeyKpisOf(doc);
  arr.delete(0, arr.length);
  arr.push(next.map((k) => makeJourneyKpi(k)));
}

// --- export format additions -----------------------------------------------------------------

const zEmotion = z.number().int("must be a whole number").min(-3, "must be between -3 and 3").max(3, "must be between -3 and 3");

/** touchpoint.personaEmotions in `journeyboard.map/v1`: {personaId: -3…3}. */
export const ZPersonaEmotionsExport = z
  .record(z.string().trim().min(1).max(100), zEmotion)
  .refine((r) => Object.keys(r).length <= MAP_LIMITS.personas, `at most ${MAP_LIMITS.personas} personas`);

/** map.journeyKpis in `journeyboard.map/v1`. */
export const ZJourneyKpiExport = z.object({
  id: z.string().trim().min(1).max(100).optional(),
  name: z.string().trim().min(1, "must not be empty").max(MAP_LIMITS.shortTextLength),
  metric: z.enum(JOURNEY_KPI_METRICS).optional().default("custom"),
  target: z.number().nullable().optional().default(null),
  actual: z.number().nullable().optional().default(null),
  unit: z.string().max(MAP_LIMITS.shortTextLength).optional(),
  higherIsBetter: z.boolean().optional(),
});
export const ZJourneyKpisExport = z.array(ZJourneyKpiExport).max(MAX_JOURNEY_KPIS, `at most ${MAX_JOURNEY_KPIS} journey KPIs`);

/** Journey KPIs for the export (ids kept, so the metrics API and history keep pointing at them). */
export function journeyKpisToExport(kpis: JourneyKpi[]): z.output<typeof ZJourneyKpiExport>[] {
  return kpis.map((k) => ({ ...k }));
}

/** Applies exported journey KPIs: existing ids are updated in place, others created, absent ones removed. */
export function applyJourneyKpisExport(doc: Y.Doc, kpis: z.output<typeof ZJourneyKpisExport>): void {
  const arr = journeyKpisOf(doc);
  const current = readJourneyKpis(doc);
  const withIds = kpis.map((k) => ({ ...k, id: k.id ?? newId() }));
  const sameOrder = current.length === withIds.length && current.every((c, i) => c.id === withIds[i].id);
  if (!sameOrder) {
    arr.delete(0, arr.length);
    arr.push(withIds.map((k) => makeJourneyKpi(k, k.id)));
    return;
  }
  withIds.forEach((k) => {
    const metric = k.metric;
    updateJourneyKpi(doc, k.id, {
      name: k.name,
      metric,
      target: k.target,
      actual: k.actual,
      unit: k.unit ?? JOURNEY_KPI_DEFAULTS[metric].unit,
      higherIsBetter: k.higherIsBetter ?? JOURNEY_KPI_DEFAULTS[metric].higherIsBetter,
    });
  });
}
