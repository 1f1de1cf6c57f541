import * as Y from "yjs";
import { effectiveStageId, getLaneText, readLanes, readMap } from "./read";
import { MAP_LIMITS, MapDocumentError, SCHEMA_VERSION, TOUCHPOINT_TEXT_FIELDS } from "./types";
import type { GapKind, MapState, TouchpointField, TouchpointInput } from "./types";
import { initStageDetails, legacyMomentOfTruthKind, readTouchpointMethod, writeMomentOfTruthKind } from "./method-model";
import { clampEmotion, deleteAll, findInArray, gapKey, laneTexts, makeTouchpoint, newId, orderedIds, root, setIfChanged, setText, stageMap, textOf, touchpointMap, uniqueStrings, yText } from "./y-model";

// ---------------------------------------------------------------------------------------------
// Creating a document

export type MapMetaInput = Partial<{ title: string; outcome: string; state: MapState; cyclic: boolean; personaIds: string[] }>;

/** Writes the schema marker and the given metadata into an empty document. */
export function initMapDocument(doc: Y.Doc, meta: MapMetaInput = {}): void {
  doc.transact(() => {
    root.meta(doc).set("schema", SCHEMA_VERSION);
    root.meta(doc).set("state", meta.state ?? "current");
    root.meta(doc).set("cyclic", meta.cyclic ?? false);
    if (meta.title) setText(root.title(doc), meta.title);
    if (meta.outcome) setText(root.outcome(doc), meta.outcome);
    if (meta.personaIds?.length) setPersonaIds(doc, meta.personaIds);
  });
}

/** A new, initialised map document. */
export function createMapDocument(meta: MapMetaInput = {}): Y.Doc {
  const doc = new Y.Doc();
  initMapDocument(doc, meta);
  return doc;
}

// ---------------------------------------------------------------------------------------------
// Map-level setters

export function setTitle(doc: Y.Doc, title: string): void {
  doc.transact(() => setText(root.title(doc), title));
}
export function setOutcome(doc: Y.Doc, outcome: string): void {
  doc.transact(() => setText(root.outcome(doc), outcome));
}
export function setState(doc: Y.Doc, state: MapState): void {
  doc.transact(() => root.meta(doc).set("state", state));
}
export function setCyclic(doc: Y.Doc, cyclic: boolean): void {
  doc.transact(() => root.meta(doc).set("cyclic", cyclic));
}
/** Replaces the linked personas (only the difference is written, so concurrent links are kept). */
export function setPersonaIds(doc: Y.Doc, personaIds: string[]): void {
  const wanted = uniqueStrings(personaIds);
  doc.transact(() => {
    const arr = root.personaIds(doc);
    const items = arr.toArray();
    for (let i = items.length - 1; i >= 0; i--) {
      if (!wanted.includes(items[i])) arr.delete(i, 1);
    }
    const seen = new Set(arr.toArray());
    const missing = wanted.filter((id) => !seen.has(id));
    if (missing.length) arr.push(missing);
  });
}

// ---------------------------------------------------------------------------------------------
// Stages

/** Adds a stage at `index` (default: at the end) and returns its id. */
export function addStage(doc: Y.Doc, name: string, index?: number, id: string = newId()): string {
  const stages = root.stages(doc);
  if (stages.size >= MAP_LIMITS.stages) throw new MapDocumentError("stage_limit");
  doc.transact(() => {
    const st = new Y.Map<unknown>();
    st.set("id", id);
    st.set("name", yText(name));
    initStageDetails(st);
    stages.set(id, st);
    insertIdAt(root.stageOrder(doc), stages, id, index);
  });
  return id;
}

/** Inserts `id` so that it ends up at position `index` among the live (deduplicated) ids. */
function insertIdAt(order: Y.Array<string>, present: { has(key: string): boolean; keys(): IterableIterator<string> }, id: string, index: number | undefined): void {
  deleteAll(order, id);
  const live = orderedIds(order, present).filter((x) => x !== id);
  if (index === undefined || index >= live.length) {
    order.push([id]);
    return;
  }
  const before = live[Math.max(0, index)];
  const raw = order.toArray();
  order.insert(raw.indexOf(before), [id]);
}

export function renameStage(doc: Y.Doc, stageId: string, name: string): boolean {
  const st = stageMap(doc, stageId);
  if (!st) return false;
  doc.transact(() => setText(textOf(st, "name"), name));
  return true;
}

/** Moves a stage to position `toIndex` among the stages (its touchpoints come along). */
export function moveStage(doc: Y.Doc, stageId: string, toIndex: number): boolean {
  const stages = root.stages(doc);
  if (!stages.has(stageId)) return false;
  doc.transact(() => insertIdAt(root.stageOrder(doc), stages, stageId, toIndex));
  return true;
}

/**
 * Removes a stage. Its touchpoints are deleted with it, or moved to the end of `moveTouchpointsTo`
 * when given.
 */
export function removeStage(doc: Y.Doc, stageId: string, options: { moveTouchpointsTo?: string } = {}): boolean {
  const stages = root.stages(doc);
  if (!stages.has(stageId)) return false;
  const target = options.moveTouchpointsTo && options.moveTouchpointsTo !== stageId && stages.has(options.moveTouchpointsTo) ? options.moveTouchpointsTo : null;
  doc.transact(() => {
    const map = readMap(doc);
    const tpIds = map.stages.find((s) => s.id === stageId)?.touchpointIds ?? [];
    for (const id of tpIds) {
      if (target) moveTouchpoint(doc, id, target, Number.MAX_SAFE_INTEGER);
      else removeTouchpoint(doc, id);
    }
    stages.delete(stageId);
    deleteAll(root.stageOrder(doc), stageId);
  });
  return true;
}

// ---------------------------------------------------------------------------------------------
// Touchpoints

/**
 * Adds a touchpoint to `stageId` at `index` within that stage (default: at the end) and returns its id.
 * Throws MapDocumentError("touchpoint_limit") at MAP_LIMITS.touchpoints and "not_found" for an unknown stage.
 */
export function addTouchpoint(doc: Y.Doc, stageId: string, index?: number, fields: TouchpointInput = {}, id: string = newId()): string {
  const tps = root.touchpoints(doc);
  if (tps.size >= MAP_LIMITS.touchpoints) throw new MapDocumentError("touchpoint_limit");
  if (!root.stages(doc).has(stageId)) throw new MapDocumentError("not_found");
  doc.transact(() => {
    tps.set(id, makeTouchpoint(id, stageId, fields, readLanes(doc).map((l) => l.id)));
    placeTouchpoint(doc, id, stageId, index);
  });
  return id;
}

/** Puts `id` into the global order so that it is at `index` among the touchpoints of `stageId`. */
function placeTouchpoint(doc: Y.Doc, id: string, stageId: string, index: number | undefined): void {
  const order = root.touchpointOrder(doc);
  deleteAll(order, id);
  // Only ids and stage ids are looked at (no full read): adding 2,000 touchpoints stays fast.
  const tps = root.touchpoints(doc);
  const stageIds = orderedIds(root.stageOrder(doc), root.stages(doc));
  const stageSet = new Set(stageIds);
  const live = orderedIds(order, tps).filter((x) => x !== id);
  const stageOf = (tid: string) => {
    const tp = tps.get(tid);
    return tp instanceof Y.Map ? effectiveStageId(tp, stageSet, stageIds[0]) : undefined;
  };
  const siblings = live.filter((x) => stageOf(x) === stageId);
  const raw = order.toArray();
  if (siblings.length === 0) {
    // Empty stage: put it after the last touchpoint of an earlier stage, so the raw order stays tidy.
    const earlierStages = new Set(stageIds.slice(0, Math.max(0, stageIds.indexOf(stageId))));
    let after = 0;
    for (let i = live.length - 1; i >= 0; i--) {
      const st = stageOf(live[i]);
      if (st && earlierStages.has(st)) {
        after = raw.indexOf(live[i]) + 1;
        break;
      }
    }
    order.insert(after, [id]);
  } else if (index === undefined || index >= siblings.length) {
    order.insert(raw.indexOf(siblings[siblings.length - 1]) + 1, [id]);
  } else {
    order.insert(raw.indexOf(siblings[Math.max(0, index)]), [id]);
  }
}

/** Sets a text field (as a minimal Y.Text change) or a scalar field of a touchpoint. */
export function updateTouchpointField(doc: Y.Doc, touchpointId: string, field: TouchpointField, value: string): boolean {
  const tp = touchpointMap(doc, touchpointId);
  if (!tp) return false;
  doc.transact(() => {
    if ((TOUCHPOINT_TEXT_FIELDS as readonly string[]).includes(field)) setText(textOf(tp, field), value);
    else if (tp.get(field) !== value) tp.set(field, value);
  });
  return true;
}

/** Moves a touchpoint to position `toIndex` within `toStageId` (the same or another stage). */
export function moveTouchpoint(doc: Y.Doc, touchpointId: string, toStageId: string, toIndex: number): boolean {
  const tp = touchpointMap(doc, touchpointId);
  if (!tp || !root.stages(doc).has(toStageId)) return false;
  doc.transact(() => {
    if (tp.get("stageId") !== toStageId) tp.set("stageId", toStageId);
    placeTouchpoint(doc, touchpointId, toStageId, toIndex);
  });
  return true;
}

export function removeTouchpoint(doc: Y.Doc, touchpointId: string): boolean {
  const tps = root.touchpoints(doc);
  if (!tps.has(touchpointId)) return false;
  doc.transact(() => {
    tps.delete(touchpointId);
    deleteAll(root.touchpointOrder(doc), touchpointId);
    const notes = root.gapNotes(doc);
    for (const key of [...notes.keys()]) {
      const [, from, to] = key.split("|");
      if (from === touchpointId || to === touchpointId) notes.delete(key);
    }
  });
  return true;
}

/** Sets the emotion (-3…+3, rounded and clamped) or clears it with null. */
export function setEmotion(doc: Y.Doc, touchpointId: string, emotion: number | null): boolean {
  const tp = touchpointMap(doc, touchpointId);
  if (!tp) return false;
  doc.transact(() => tp.set("emotion", clampEmotion(emotion)));
  return true;
}

export function setMomentOfTruth(doc: Y.Doc, touchpointId: string, value: boolean): boolean {
  const tp = touchpointMap(doc, touchpointId);
  if (!tp) return false;
  // Keeps the kind (issue 13): on → the kind already chosen or the one the emotion suggests; off → none.
  doc.transact(() => writeMomentOfTruthKind(tp, value ? (readTouchpointMethod(tp, clampEmotion(tp.get("emotion"))).momentOfTruthKind ?? legacyMomentOfTruthKind(clampEmotion(tp.get("emotion")))) : null));
  return true;
}

// ---------------------------------------------------------------------------------------------
// Custom lanes

/** Adds a custom text lane (a row in the editor) and returns its id. */
export function addLane(doc: Y.Doc, name: string, id: string = newId()): string {
  const lanes = root.lanes(doc);
  if (lanes.length >= MAP_LIMITS.lanes) throw new MapDocumentError("lane_limit");
  doc.transact(() => {
    const lane = new Y.Map<unknown>();
    lane.set("id", id);
    lane.set("name", name);
    lanes.push([lane]);
    for (const tp of root.touchpoints(doc).values()) {
      if (tp instanceof Y.Map) {
        const texts = laneTexts(tp);
        if (!(texts.get(id) instanceof Y.Text)) texts.set(id, yText(""));
      }
    }
  });
  return id;
}
export function renameLane(doc: Y.Doc, laneId: string, name: string): boolean {
  const found = findInArray(root.lanes(doc), laneId);
  if (!found) return false;
  doc.transact(() => setIfChanged(found.map, "name", name));
  return true;
}
/** Removes a custom lane and its cell texts. */
export function removeLane(doc: Y.Doc, laneId: string): boolean {
  const lanes = root.lanes(doc);
  const found = findInArray(lanes, laneId);
  if (!found) return false;
  doc.transact(() => {
    lanes.delete(found.index, 1);
    for (const tp of root.touchpoints(doc).values()) {
      const texts = tp instanceof Y.Map ? tp.get("lanes") : null;
      if (texts instanceof Y.Map && texts.has(laneId)) texts.delete(laneId);
    }
  });
  return true;
}
export function setLaneValue(doc: Y.Doc, touchpointId: string, laneId: string, value: string): boolean {
  const t = getLaneText(doc, touchpointId, laneId);
  if (!t) return false;
  doc.transact(() => setText(t, value));
  return true;
}

// ---------------------------------------------------------------------------------------------
// Gaps

/** Marks the gap of `kind` between two touchpoints as handled (with a note on how), or reopens it. */
export function setGapHandled(doc: Y.Doc, gap: { fromTouchpointId: string; toTouchpointId: string; kind: GapKind }, handled: boolean, note = ""): void {
  doc.transact(() => {
    const key = gapKey(gap.kind, gap.fromTouchpointId, gap.toTouchpointId);
    if (!handled && !note) root.gapNotes(doc).delete(key);
    else root.gapNotes(doc).set(key, { handled, note });
  });
}
