import * as Y from "yjs";
import { MAP_LIMITS, MapDocumentError } from "./types";
import type { PainPointInput } from "./types";
import type { Evidence, EvidenceInput, Kpi, KpiInput, Opportunity, OpportunityInput } from "./types";
import { deleteAll, findInArray, listOf, makeEvidence, makeKpi, makeOpportunity, makePainPoint, num, readMapsRaw, setIfChanged, setText, str, systemsOf, textOf, touchpointMap } from "./y-model";
import type { YMapAny } from "./y-model";
import { writeEvidenceDetails, writeOpportunityRating } from "./method-model";

// ---------------------------------------------------------------------------------------------
// Lists on a touchpoint

function addItem(doc: Y.Doc, touchpointId: string, key: "painPoints" | "opportunities" | "kpis" | "evidence", make: () => YMapAny, index?: number): string | null {
  const tp = touchpointMap(doc, touchpointId);
  if (!tp) return null;
  const arr = tp.get(key);
  if (arr instanceof Y.Array && arr.length >= MAP_LIMITS.listItems) throw new MapDocumentError("list_limit");
  const item = make();
  doc.transact(() => {
    const list = listOf(tp, key);
    if (index === undefined || index >= list.length) list.push([item]);
    else list.insert(Math.max(0, index), [item]);
  });
  return str(item.get("id"));
}

function updateItem(doc: Y.Doc, touchpointId: string, key: "painPoints" | "opportunities" | "kpis" | "evidence", itemId: string, apply: (m: YMapAny) => void): boolean {
  const tp = touchpointMap(doc, touchpointId);
  const found = tp && findInArray(tp.get(key) as Y.Array<YMapAny>, itemId);
  if (!found) return false;
  doc.transact(() => apply(found.map));
  return true;
}

function removeItem(doc: Y.Doc, touchpointId: string, key: "painPoints" | "opportunities" | "kpis" | "evidence", itemId: string): boolean {
  const tp = touchpointMap(doc, touchpointId);
  const arr = tp?.get(key) as Y.Array<YMapAny> | undefined;
  const found = tp && findInArray(arr, itemId);
  if (!found || !arr) return false;
  doc.transact(() => arr.delete(found.index, 1));
  return true;
}

export function addPainPoint(doc: Y.Doc, touchpointId: string, text: string | PainPointInput, index?: number): string | null {
  return addItem(doc, touchpointId, "painPoints", () => makePainPoint(text), index);
}
export function updatePainPoint(doc: Y.Doc, touchpointId: string, itemId: string, text: string): boolean {
  return updateItem(doc, touchpointId, "painPoints", itemId, (m) => setText(textOf(m, "text"), text));
}
export function removePainPoint(doc: Y.Doc, touchpointId: string, itemId: string): boolean {
  return removeItem(doc, touchpointId, "painPoints", itemId);
}

export function addKpi(doc: Y.Doc, touchpointId: string, kpi: KpiInput): string | null {
  return addItem(doc, touchpointId, "kpis", () => makeKpi(kpi));
}
export function updateKpi(doc: Y.Doc, touchpointId: string, kpiId: string, patch: Partial<Omit<Kpi, "id">>): boolean {
  return updateItem(doc, touchpointId, "kpis", kpiId, (m) => {
    if (patch.name !== undefined) setIfChanged(m, "name", patch.name);
    if (patch.target !== undefined) setIfChanged(m, "target", num(patch.target));
    if (patch.actual !== undefined) setIfChanged(m, "actual", num(patch.actual));
    if (patch.unit !== undefined) setIfChanged(m, "unit", patch.unit);
    if (patch.higherIsBetter !== undefined) setIfChanged(m, "higherIsBetter", patch.higherIsBetter);
  });
}
export function removeKpi(doc: Y.Doc, touchpointId: string, kpiId: string): boolean {
  return removeItem(doc, touchpointId, "kpis", kpiId);
}
/** Sets the actual of the KPI named `kpiName` (case-insensitive) on a touchpoint; false when there is none. */
export function setKpiActualByName(doc: Y.Doc, touchpointId: string, kpiName: string, actual: number): boolean {
  const tp = touchpointMap(doc, touchpointId);
  if (!tp) return false;
  const wanted = kpiName.trim().toLowerCase();
  for (const m of readMapsRaw(tp.get("kpis"))) {
    if (str(m.get("name")).trim().toLowerCase() === wanted) {
      doc.transact(() => setIfChanged(m, "actual", num(actual)));
      return true;
    }
  }
  return false;
}

export function addEvidence(doc: Y.Doc, touchpointId: string, evidence: EvidenceInput): string | null {
  return addItem(doc, touchpointId, "evidence", () => makeEvidence(evidence));
}
export function updateEvidence(doc: Y.Doc, touchpointId: string, itemId: string, patch: Partial<Omit<Evidence, "id">>): boolean {
  return updateItem(doc, touchpointId, "evidence", itemId, (m) => {
    if (patch.kind !== undefined) setIfChanged(m, "kind", patch.kind);
    if (patch.text !== undefined) setText(textOf(m, "text"), patch.text);
    if (patch.source !== undefined) setIfChanged(m, "source", patch.source);
    writeEvidenceDetails(m, patch);
  });
}
export function removeEvidence(doc: Y.Doc, touchpointId: string, itemId: string): boolean {
  return removeItem(doc, touchpointId, "evidence", itemId);
}

export function addOpportunity(doc: Y.Doc, touchpointId: string, opportunity: OpportunityInput): string | null {
  return addItem(doc, touchpointId, "opportunities", () => makeOpportunity(opportunity));
}
export function updateOpportunity(doc: Y.Doc, touchpointId: string, itemId: string, patch: Partial<Omit<Opportunity, "id">>): boolean {
  return updateItem(doc, touchpointId, "opportunities", itemId, (m) => {
    if (patch.text !== undefined) setText(textOf(m, "text"), patch.text);
    if (patch.owner !== undefined) setIfChanged(m, "owner", patch.owner);
    if (patch.department !== undefined) setIfChanged(m, "department", patch.department);
    if (patch.status !== undefined) setIfChanged(m, "status", patch.status);
    writeOpportunityRating(m, patch);
  });
}
export function removeOpportunity(doc: Y.Doc, touchpointId: string, itemId: string): boolean {
  return removeItem(doc, touchpointId, "opportunities", itemId);
}

/** Adds a system (tag-like; duplicates are ignored). */
export function addSystem(doc: Y.Doc, touchpointId: string, name: string): boolean {
  const tp = touchpointMap(doc, touchpointId);
  const value = name.trim();
  if (!tp || !value) return false;
  const arr = systemsOf(tp);
  if (arr.toArray().includes(value)) return true;
  if (arr.length >= MAP_LIMITS.listItems) throw new MapDocumentError("list_limit");
  doc.transact(() => systemsOf(tp).push([value]));
  return true;
}
/** Renames a system in place (keeps its position). */
export function updateSystem(doc: Y.Doc, touchpointId: string, oldName: string, newName: string): boolean {
  const tp = touchpointMap(doc, touchpointId);
  const value = newName.trim();
  if (!tp || !value) return false;
  const arr = systemsOf(tp);
  const idx = arr.toArray().indexOf(oldName);
  if (idx < 0) return false;
  doc.transact(() => {
    arr.delete(idx, 1);
    if (!arr.toArray().includes(value)) arr.insert(idx, [value]);
  });
  return true;
}
export function removeSystem(doc: Y.Doc, touchpointId: string, name: string): boolean {
  const tp = touchpointMap(doc, touchpointId);
  if (!tp) return false;
  const arr = systemsOf(tp);
  if (!arr.toArray().includes(name)) return false;
  doc.transact(() => deleteAll(arr, name));
  return true;
}
