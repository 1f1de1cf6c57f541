import * as Y from "yjs";
import { EVIDENCE_KINDS, GAP_KINDS, MAP_STATES, OPPORTUNITY_STATUSES } from "./types";
import type { GapKind, GapNote, Kpi, Lane, MapData, Stage, Touchpoint, TouchpointTextField } from "./types";
import { clampEmotion, findInArray, laneTexts, num, oneOf, orderedIds, root, stageMap, str, textOf, touchpointMap, uniqueStrings, yText } from "./y-model";
import type { YMapAny } from "./y-model";
import { readEvidenceDetails, readOpportunityRating, readPainPointDetails, readStageDetails, readTouchpointMethod } from "./method-model";
import { readJourneyKpis, readPersonaEmotions } from "./curves";

// ---------------------------------------------------------------------------------------------
// Reading

export function readKpi(m: YMapAny): Kpi {
  return {
    id: str(m.get("id")),
    name: str(m.get("name")),
    target: num(m.get("target")),
    actual: num(m.get("actual")),
    unit: str(m.get("unit")),
    higherIsBetter: m.get("higherIsBetter") !== false,
  };
}

function readMaps<T>(arr: unknown, read: (m: YMapAny) => T): T[] {
  if (!(arr instanceof Y.Array)) return [];
  const out: T[] = [];
  for (const m of arr) if (m instanceof Y.Map) out.push(read(m));
  return out;
}

export function readTouchpointMap(tp: YMapAny, stageId: string, laneIds: string[]): Touchpoint {
  const lanes = tp.get("lanes");
  const laneValues: Record<string, string> = {};
  if (lanes instanceof Y.Map) for (const laneId of laneIds) laneValues[laneId] = str(lanes.get(laneId));
  const systems = tp.get("systems");
  const emotion = clampEmotion(tp.get("emotion"));
  const method = readTouchpointMethod(tp, emotion);
  return {
    id: str(tp.get("id")),
    stageId,
    title: str(tp.get("title")),
    channel: str(tp.get("channel")),
    device: str(tp.get("device")),
    department: str(tp.get("department")),
    owner: str(tp.get("owner")),
    activity: str(tp.get("activity")),
    goal: str(tp.get("goal")),
    informationNeeded: str(tp.get("informationNeeded")),
    thoughts: str(tp.get("thoughts")),
    emotion,
    momentOfTruth: method.momentOfTruthKind !== null,
    painPoints: readMaps(tp.get("painPoints"), (m) => ({ id: str(m.get("id")), text: str(m.get("text")), ...readPainPointDetails(m) })),
    systems: systems instanceof Y.Array ? uniqueStrings(systems.toArray().filter((s): s is string => typeof s === "string")) : [],
    opportunities: readMaps(tp.get("opportunities"), (m) => ({
      id: str(m.get("id")),
      text: str(m.get("text")),
      owner: str(m.get("owner")),
      department: str(m.get("department")),
      status: oneOf(m.get("status"), OPPORTUNITY_STATUSES, "open"),
      ...readOpportunityRating(m),
    })),
    kpis: readMaps(tp.get("kpis"), readKpi),
    evidence: readMaps(tp.get("evidence"), (m) => ({
      id: str(m.get("id")),
      kind: oneOf(m.get("kind"), EVIDENCE_KINDS, "qualitative"),
      text: str(m.get("text")),
      source: str(m.get("source")),
      ...readEvidenceDetails(m),
    })),
    laneValues,
    ...method,
    personaEmotions: readPersonaEmotions(tp),
  };
}

export function readLanes(doc: Y.Doc): Lane[] {
  const seen = new Set<string>();
  const lanes: Lane[] = [];
  for (const m of root.lanes(doc)) {
    if (!(m instanceof Y.Map)) continue;
    const id = str(m.get("id"));
    if (!id || seen.has(id)) continue;
    seen.add(id);
    lanes.push({ id, name: str(m.get("name")) });
  }
  return lanes;
}

/**
 * The effective stage of every touchpoint. A touchpoint whose stage was deleted concurrently (someone
 * added it to a stage another person removed) is shown in the first stage instead of vanishing.
 */
export function effectiveStageId(tp: YMapAny, stageIds: Set<string>, fallback: string | undefined): string | undefined {
  const s = str(tp.get("stageId"));
  return stageIds.has(s) ? s : fallback;
}

/** The whole map as plain typed data. Cheap enough to call on every document update (1,000 touchpoints: a few ms). */
export function readMap(doc: Y.Doc): MapData {
  const meta = root.meta(doc);
  const stagesY = root.stages(doc);
  const stageIds = orderedIds(root.stageOrder(doc), stagesY);
  const stageSet = new Set(stageIds);
  const lanes = readLanes(doc);
  const laneIds = lanes.map((l) => l.id);
  const byStage = new Map<string, string[]>(stageIds.map((id) => [id, []]));
  const tpsY = root.touchpoints(doc);
  const tpById = new Map<string, Touchpoint>();
  for (const id of orderedIds(root.touchpointOrder(doc), tpsY)) {
    const tp = tpsY.get(id);
    if (!(tp instanceof Y.Map)) continue;
    const stageId = effectiveStageId(tp, stageSet, stageIds[0]);
    if (!stageId) continue; // no stages at all: nothing can be placed
    byStage.get(stageId)!.push(id);
    tpById.set(id, readTouchpointMap(tp, stageId, laneIds));
  }
  const stages: Stage[] = stageIds.map((id) => ({ id, name: str(stagesY.get(id)?.get("name")), touchpointIds: byStage.get(id)!, ...readStageDetails(stagesY.get(id), readKpi) }));
  const touchpoints = stages.flatMap((s) => s.touchpointIds.map((id) => tpById.get(id)!));
  const personaIds = [...new Set(root.personaIds(doc).toArray().filter((p): p is string => typeof p === "string"))];
  const gapNotes: GapNote[] = [];
  for (const [key, value] of root.gapNotes(doc).entries()) {
    const [kind, fromTouchpointId, toTouchpointId] = key.split("|");
    if (!GAP_KINDS.includes(kind as GapKind) || !fromTouchpointId || !toTouchpointId) continue;
    const v = (value ?? {}) as { handled?: unknown; note?: unknown };
    gapNotes.push({ kind: kind as GapKind, fromTouchpointId, toTouchpointId, handled: v.handled === true, note: str(v.note) });
  }
  return {
    title: root.title(doc).toString(),
    outcome: root.outcome(doc).toString(),
    state: oneOf(meta.get("state"), MAP_STATES, "current"),
    cyclic: meta.get("cyclic") === true,
    personaIds,
    stages,
    touchpoints,
    lanes,
    gapNotes,
    journeyKpis: readJourneyKpis(doc),
  };
}

/** One touchpoint as plain data (for a side panel that should not re-read the whole map). */
export function readTouchpoint(doc: Y.Doc, id: string): Touchpoint | null {
  const tp = touchpointMap(doc, id);
  if (!tp) return null;
  const ordered = orderedIds(root.stageOrder(doc), root.stages(doc));
  const stageId = effectiveStageId(tp, new Set(ordered), ordered[0]);
  if (!stageId) return null;
  return readTouchpointMap(tp, stageId, readLanes(doc).map((l) => l.id));
}

// ---------------------------------------------------------------------------------------------
// Y.Text accessors for editor bindings (null when the entity does not exist)

export function getTitleText(doc: Y.Doc): Y.Text {
  return root.title(doc);
}
export function getOutcomeText(doc: Y.Doc): Y.Text {
  return root.outcome(doc);
}
export function getStageNameText(doc: Y.Doc, stageId: string): Y.Text | null {
  const st = stageMap(doc, stageId);
  return st ? textOf(st, "name") : null;
}
export function getTouchpointText(doc: Y.Doc, touchpointId: string, field: TouchpointTextField): Y.Text | null {
  const tp = touchpointMap(doc, touchpointId);
  return tp ? textOf(tp, field) : null;
}
/** The Y.Text of a custom lane cell; created on first access when the lane was added concurrently with the touchpoint. */
export function getLaneText(doc: Y.Doc, touchpointId: string, laneId: string): Y.Text | null {
  const tp = touchpointMap(doc, touchpointId);
  if (!tp || !readLanes(doc).some((l) => l.id === laneId)) return null;
  const lanes = laneTexts(tp);
  const existing = lanes.get(laneId);
  if (existing instanceof Y.Text) return existing;
  let created: Y.Text | null = null;
  doc.transact(() => {
    created = yText("");
    laneTexts(tp).set(laneId, created);
  });
  return created;
}
export function getPainPointText(doc: Y.Doc, touchpointId: string, itemId: string): Y.Text | null {
  const tp = touchpointMap(doc, touchpointId);
  const found = tp && findInArray(tp.get("painPoints") as Y.Array<YMapAny>, itemId);
  return found ? textOf(found.map, "text") : null;
}
export function getOpportunityText(doc: Y.Doc, touchpointId: string, itemId: string): Y.Text | null {
  const tp = touchpointMap(doc, touchpointId);
  const found = tp && findInArray(tp.get("opportunities") as Y.Array<YMapAny>, itemId);
  return found ? textOf(found.map, "text") : null;
}
export function getEvidenceText(doc: Y.Doc, touchpointId: string, itemId: string): Y.Text | null {
  const tp = touchpointMap(doc, touchpointId);
  const found = tp && findInArray(tp.get("evidence") as Y.Array<YMapAny>, itemId);
  return found ? textOf(found.map, "text") : null;
}
