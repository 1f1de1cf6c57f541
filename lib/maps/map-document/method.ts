// Method (issue 13, part A): edits of the stage substance and the sharper touchpoint fields.
// The layout is described in method-model.ts and docs/map-document.md.
import * as Y from "yjs";
import { readKpi } from "./read";
import { MAP_LIMITS, MapDocumentError } from "./types";
import type { Kpi, KpiInput, MomentOfTruthKind, PainPointDetails, StageDetails, TouchpointMethod } from "./types";
import { findInArray, makeKpi, num, setIfChanged, setText, stageMap, textOf, touchpointMap } from "./y-model";
import type { YMapAny } from "./y-model";
import { readStageDetails, writeMomentOfTruthKind, writePainPointDetails, writeTouchpointMethod } from "./method-model";

export { isHttpLink, isIsoDate, legacyMomentOfTruthKind } from "./method-model";

// ---------------------------------------------------------------------------------------------
// Stages

export type StageTextField = "goal" | "centralQuestion";

/** The Y.Text of a stage's goal or central question (created on first use for stages made before issue 13). */
export function getStageText(doc: Y.Doc, stageId: string, field: StageTextField): Y.Text | null {
  const st = stageMap(doc, stageId);
  if (!st) return null;
  const existing = st.get(field);
  if (existing instanceof Y.Text) return existing;
  let text: Y.Text | null = null;
  doc.transact(() => {
    text = textOf(st, field);
  });
  return text;
}

/** Plain data of one stage's substance (goal, central question, duration, KPIs). */
export function readStageDetailsOf(doc: Y.Doc, stageId: string): StageDetails | null {
  const st = stageMap(doc, stageId);
  return st ? readStageDetails(st, readKpi) : null;
}

/** Sets goal, central question (minimal text changes) and/or duration of a stage. */
export function updateStageDetails(doc: Y.Doc, stageId: string, patch: Partial<Omit<StageDetails, "kpis">>): boolean {
  const st = stageMap(doc, stageId);
  if (!st) return false;
  doc.transact(() => {
    if (patch.goal !== undefined) setText(textOf(st, "goal"), patch.goal);
    if (patch.centralQuestion !== undefined) setText(textOf(st, "centralQuestion"), patch.centralQuestion);
    if (patch.duration !== undefined) setIfChanged(st, "duration", patch.duration);
  });
  return true;
}

function stageKpis(st: YMapAny): Y.Array<YMapAny> {
  let arr = st.get("kpis");
  if (!(arr instanceof Y.Array)) {
    arr = new Y.Array<YMapAny>();
    st.set("kpis", arr);
  }
  return arr as Y.Array<YMapAny>;
}

export function addStageKpi(doc: Y.Doc, stageId: string, kpi: KpiInput): string | null {
  const st = stageMap(doc, stageId);
  if (!st) return null;
  const arr = st.get("kpis");
  if (arr instanceof Y.Array && arr.length >= MAP_LIMITS.listItems) throw new MapDocumentError("list_limit");
  const item = makeKpi(kpi);
  doc.transact(() => stageKpis(st).push([item]));
  return item.get("id") as string;
}
export function updateStageKpi(doc: Y.Doc, stageId: string, kpiId: string, patch: Partial<Omit<Kpi, "id">>): boolean {
  const st = stageMap(doc, stageId);
  const found = st && findInArray(st.get("kpis") as Y.Array<YMapAny>, kpiId);
  if (!found) return false;
  const m = found.map;
  doc.transact(() => {
    if (patch.name !== undefined) setIfChanged(m, "name", patch.name);
    if (patch.target !== undefined) setIfChanged(m, "target", num(patch.target));
    if (patch.actual !== undefined) setIfChanged(m, "actual", num(patch.actual));
    if (patch.unit !== undefined) setIfChanged(m, "unit", patch.unit);
    if (patch.higherIsBetter !== undefined) setIfChanged(m, "higherIsBetter", patch.higherIsBetter);
  });
  return true;
}
export function removeStageKpi(doc: Y.Doc, stageId: string, kpiId: string): boolean {
  const st = stageMap(doc, stageId);
  const arr = st?.get("kpis") as Y.Array<YMapAny> | undefined;
  const found = st && findInArray(arr, kpiId);
  if (!found || !arr) return false;
  doc.transact(() => arr.delete(found.index, 1));
  return true;
}

// ---------------------------------------------------------------------------------------------
// Touchpoints

/** Marks a moment of truth as wow or frustration, or clears it (null); keeps `momentOfTruth` in step. */
export function setMomentOfTruthKind(doc: Y.Doc, touchpointId: string, kind: MomentOfTruthKind | null): boolean {
  const tp = touchpointMap(doc, touchpointId);
  if (!tp) return false;
  doc.transact(() => writeMomentOfTruthKind(tp, kind));
  return true;
}

/** Sets priority, superfluous and/or time to next (momentOfTruthKind too, though setMomentOfTruthKind reads better). */
export function updateTouchpointMethod(doc: Y.Doc, touchpointId: string, patch: Partial<TouchpointMethod>): boolean {
  const tp = touchpointMap(doc, touchpointId);
  if (!tp) return false;
  doc.transact(() => writeTouchpointMethod(tp, patch));
  return true;
}

/** Severity, frequency, owner and status of a pain point. */
export function updatePainPointDetails(doc: Y.Doc, touchpointId: string, itemId: string, patch: Partial<PainPointDetails>): boolean {
  const tp = touchpointMap(doc, touchpointId);
  const found = tp && findInArray(tp.get("painPoints") as Y.Array<YMapAny>, itemId);
  if (!found) return false;
  doc.transact(() => writePainPointDetails(found.map, patch));
  return true;
}
