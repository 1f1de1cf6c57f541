import * as Y from "yjs";
import { TOUCHPOINT_SCALAR_FIELDS, TOUCHPOINT_TEXT_FIELDS } from "./types";
import type { EvidenceInput, GapKind, KpiInput, OpportunityInput, PainPointInput, TouchpointInput } from "./types";
import { writeEvidenceDetails, writeOpportunityRating, writePainPointDetails, writeTouchpointMethod } from "./method-model";
import { makePersonaEmotions } from "./curves";

// ---------------------------------------------------------------------------------------------
// Internals

export type YMapAny = Y.Map<unknown>;

export const root = {
  title: (doc: Y.Doc) => doc.getText("title"),
  outcome: (doc: Y.Doc) => doc.getText("outcome"),
  meta: (doc: Y.Doc) => doc.getMap<unknown>("meta"),
  personaIds: (doc: Y.Doc) => doc.getArray<string>("personaIds"),
  stages: (doc: Y.Doc) => doc.getMap<YMapAny>("stages"),
  stageOrder: (doc: Y.Doc) => doc.getArray<string>("stageOrder"),
  touchpoints: (doc: Y.Doc) => doc.getMap<YMapAny>("touchpoints"),
  touchpointOrder: (doc: Y.Doc) => doc.getArray<string>("touchpointOrder"),
  lanes: (doc: Y.Doc) => doc.getArray<YMapAny>("lanes"),
  gapNotes: (doc: Y.Doc) => doc.getMap<unknown>("gapNotes"),
};

/** A random id. crypto.randomUUID is missing in non-secure contexts (http on a LAN IP); getRandomValues is not. */
export function newId(): string {
  const b = new Uint8Array(16);
  globalThis.crypto.getRandomValues(b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function isHighSurrogate(code: number) {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * Replaces the content of a Y.Text with `value` by deleting/inserting only the changed middle part,
 * so that a concurrent edit elsewhere in the same text survives a programmatic "set".
 */
export function setText(text: Y.Text, value: string): void {
  const old = text.toString();
  if (old === value) return;
  let start = 0;
  const max = Math.min(old.length, value.length);
  while (start < max && old.charCodeAt(start) === value.charCodeAt(start)) start++;
  if (start > 0 && isHighSurrogate(old.charCodeAt(start - 1))) start--;
  let endOld = old.length;
  let endNew = value.length;
  while (endOld > start && endNew > start && old.charCodeAt(endOld - 1) === value.charCodeAt(endNew - 1)) {
    endOld--;
    endNew--;
  }
  if (endOld < old.length && isHighSurrogate(old.charCodeAt(endOld - 1))) {
    endOld++;
    endNew++;
  }
  if (endOld > start) text.delete(start, endOld - start);
  if (endNew > start) text.insert(start, value.slice(start, endNew));
}

export function yText(value: string): Y.Text {
  const t = new Y.Text();
  if (value) t.insert(0, value);
  return t;
}

export function str(v: unknown): string {
  if (typeof v === "string") return v;
  if (v instanceof Y.Text) return v.toString();
  return "";
}

export function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

export function clampEmotion(v: unknown): number | null {
  const n = num(v);
  if (n === null) return null;
  return Math.max(-3, Math.min(3, Math.round(n)));
}

export function oneOf<T extends string>(v: unknown, allowed: readonly T[], fallback: T): T {
  return typeof v === "string" && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}

/** Ids in array order, first occurrence wins, only those present in `present`. */
export function orderedIds(order: Y.Array<string>, present: { has(key: string): boolean; keys(): IterableIterator<string> }): string[] {
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const id of order.toArray()) {
    if (typeof id !== "string" || seen.has(id) || !present.has(id)) continue;
    seen.add(id);
    ids.push(id);
  }
  // Defensive: an entity whose id never made it into the order array still shows up (at the end).
  for (const id of present.keys()) if (!seen.has(id)) ids.push(id);
  return ids;
}

export function deleteAll(arr: Y.Array<string>, id: string): void {
  const items = arr.toArray();
  for (let i = items.length - 1; i >= 0; i--) if (items[i] === id) arr.delete(i, 1);
}

export function findInArray(arr: Y.Array<YMapAny> | undefined, itemId: string): { map: YMapAny; index: number } | null {
  if (!arr) return null;
  let index = 0;
  for (const map of arr) {
    if (map instanceof Y.Map && map.get("id") === itemId) return { map, index };
    index++;
  }
  return null;
}

export function touchpointMap(doc: Y.Doc, id: string): YMapAny | null {
  const tp = root.touchpoints(doc).get(id);
  return tp instanceof Y.Map ? tp : null;
}

export function stageMap(doc: Y.Doc, id: string): YMapAny | null {
  const st = root.stages(doc).get(id);
  return st instanceof Y.Map ? st : null;
}

export function listOf(tp: YMapAny, key: "painPoints" | "opportunities" | "kpis" | "evidence"): Y.Array<YMapAny> {
  let arr = tp.get(key);
  if (!(arr instanceof Y.Array)) {
    arr = new Y.Array<YMapAny>();
    tp.set(key, arr);
  }
  return arr as Y.Array<YMapAny>;
}

export function systemsOf(tp: YMapAny): Y.Array<string> {
  let arr = tp.get("systems");
  if (!(arr instanceof Y.Array)) {
    arr = new Y.Array<string>();
    tp.set("systems", arr);
  }
  return arr as Y.Array<string>;
}

export function laneTexts(tp: YMapAny): Y.Map<Y.Text> {
  let m = tp.get("lanes");
  if (!(m instanceof Y.Map)) {
    m = new Y.Map<Y.Text>();
    tp.set("lanes", m);
  }
  return m as Y.Map<Y.Text>;
}

export function textOf(map: YMapAny, key: string): Y.Text {
  const t = map.get(key);
  if (t instanceof Y.Text) return t;
  // Repair a missing/foreign value; only reached for documents written by something else.
  const fresh = yText(str(t));
  map.set(key, fresh);
  return fresh;
}

export function makePainPoint(input: string | PainPointInput): YMapAny {
  const m = new Y.Map<unknown>();
  const { text, ...details } = typeof input === "string" ? { text: input } : input;
  m.set("id", newId());
  m.set("text", yText(text));
  writePainPointDetails(m, details);
  return m;
}

export function makeKpi(input: KpiInput, id = newId()): YMapAny {
  const m = new Y.Map<unknown>();
  m.set("id", id);
  m.set("name", input.name);
  m.set("target", num(input.target ?? null));
  m.set("actual", num(input.actual ?? null));
  m.set("unit", input.unit ?? "");
  m.set("higherIsBetter", input.higherIsBetter ?? true);
  return m;
}

export function makeEvidence(input: EvidenceInput, id = newId()): YMapAny {
  const m = new Y.Map<unknown>();
  m.set("id", id);
  m.set("kind", input.kind);
  m.set("text", yText(input.text));
  m.set("source", input.source ?? "");
  writeEvidenceDetails(m, input);
  return m;
}

export function makeOpportunity(input: OpportunityInput, id = newId()): YMapAny {
  const m = new Y.Map<unknown>();
  m.set("id", id);
  m.set("text", yText(input.text));
  m.set("owner", input.owner ?? "");
  m.set("department", input.department ?? "");
  m.set("status", input.status ?? "open");
  writeOpportunityRating(m, input);
  return m;
}

export function makeTouchpoint(id: string, stageId: string, fields: TouchpointInput, laneIds: string[]): YMapAny {
  const tp = new Y.Map<unknown>();
  tp.set("id", id);
  tp.set("stageId", stageId);
  for (const f of TOUCHPOINT_TEXT_FIELDS) tp.set(f, yText(fields[f] ?? ""));
  for (const f of TOUCHPOINT_SCALAR_FIELDS) tp.set(f, fields[f] ?? "");
  tp.set("emotion", clampEmotion(fields.emotion ?? null));
  tp.set("momentOfTruth", fields.momentOfTruth ?? false);
  writeTouchpointMethod(tp, fields);
  const pains = new Y.Array<YMapAny>();
  pains.push((fields.painPoints ?? []).map(makePainPoint));
  tp.set("painPoints", pains);
  const systems = new Y.Array<string>();
  systems.push(uniqueStrings(fields.systems ?? []));
  tp.set("systems", systems);
  const opps = new Y.Array<YMapAny>();
  opps.push((fields.opportunities ?? []).map((o) => makeOpportunity(o)));
  tp.set("opportunities", opps);
  const kpis = new Y.Array<YMapAny>();
  kpis.push((fields.kpis ?? []).map((k) => makeKpi(k)));
  tp.set("kpis", kpis);
  const evidence = new Y.Array<YMapAny>();
  evidence.push((fields.evidence ?? []).map((e) => makeEvidence(e)));
  tp.set("evidence", evidence);
  // Every known lane gets its Y.Text now, so two people typing into a fresh cell share one text.
  const lanes = new Y.Map<Y.Text>();
  for (const laneId of laneIds) lanes.set(laneId, yText(fields.laneValues?.[laneId] ?? ""));
  tp.set("lanes", lanes);
  // Created now (like the lane texts), so two people rating different personas at once share one map.
  tp.set("personaEmotions", makePersonaEmotions(fields.personaEmotions));
  return tp;
}

export function uniqueStrings(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const s = v.trim();
    if (!s || seen.has(s)) continue;
    seen.add(s);
    out.push(s);
  }
  return out;
}

export function gapKey(kind: GapKind, fromId: string, toId: string): string {
  return `${kind}|${fromId}|${toId}`;
}


export function setIfChanged(m: YMapAny, key: string, value: unknown) {
  if (m.get(key) !== value) m.set(key, value);
}

export function readMapsRaw(arr: unknown): YMapAny[] {
  return arr instanceof Y.Array ? arr.toArray().filter((m): m is YMapAny => m instanceof Y.Map) : [];
}
