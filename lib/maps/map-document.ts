// The one module that owns the schema of a journey map's Yjs document (`map:{id}`).
// The editor UI, the server-side relational projection, templates, the demo seed and the REST API
// all read and change maps through these functions; nothing else touches the Y types directly.
// Browser-safe: imports only yjs and zod. The schema is documented in docs/map-document.md.
//
// Layout of the document (top-level shared types are addressed by name, so two clients that
// create them concurrently always get the same type — no lost first keystrokes):
//
//   doc.getText("title")            Y.Text   map title (collaborative)
//   doc.getText("outcome")          Y.Text   expected outcome (collaborative)
//   doc.getMap("meta")              Y.Map    { schema: 1, state: "current"|"future", cyclic: boolean }
//   doc.getArray("personaIds")      Y.Array<string>            linked personas (set semantics on read)
//   doc.getMap("stages")            Y.Map<id, Y.Map>           { id, name: Y.Text }
//   doc.getArray("stageOrder")      Y.Array<string>            stage ids in journey order
//   doc.getMap("touchpoints")       Y.Map<id, Y.Map>           see TOUCHPOINT below
//   doc.getArray("touchpointOrder") Y.Array<string>            touchpoint ids in journey order
//   doc.getArray("lanes")           Y.Array<Y.Map>             custom text lanes { id, name }
//   doc.getMap("gapNotes")          Y.Map<gapKey, {handled, note}>  "kind|fromId|toId" → note
//
//   TOUCHPOINT Y.Map: id, stageId (string), title/activity/goal/informationNeeded/thoughts (Y.Text),
//     channel/device/department/owner (string), emotion (-3…3 | null), momentOfTruth (boolean),
//     painPoints Y.Array<Y.Map{id, text: Y.Text}>, systems Y.Array<string>,
//     opportunities Y.Array<Y.Map{id, text: Y.Text, owner, department, status}>,
//     kpis Y.Array<Y.Map{id, name, target, actual, unit, higherIsBetter}>,
//     evidence Y.Array<Y.Map{id, kind, text: Y.Text, source}>, lanes Y.Map<laneId, Y.Text>.
//
// Why entities live in a Y.Map keyed by id and the order in a separate Y.Array of ids:
// moving an element of a Y.Array means deleting it and inserting a copy. If touchpoints themselves
// sat in the array, a move would re-create the touchpoint, and whatever a colleague typed into the
// old copy at the same moment would be lost. With the entity fixed in a Y.Map, a move only deletes
// and re-inserts its id string (plus a last-writer-wins `stageId`), while all text edits keep going
// to the same Y.Text. Two concurrent moves of the same touchpoint can leave its id twice in the
// order array; every reader keeps the first occurrence, and because all peers converge to the same
// array they all see the same single position. A touchpoint belongs to exactly one stage (its
// `stageId`), so concurrent moves to different stages can never duplicate it. One global order
// array (instead of one per stage) keeps "move to another stage" a single id re-insert.
// A fractional index would avoid duplicates but lets concurrent inserts at the same spot tie and
// needs rebalancing; the id array has neither problem.
import * as Y from "yjs";
import { z } from "zod";

// ---------------------------------------------------------------------------------------------
// Types (plain data, as read from the document)

export type MapState = "current" | "future";
export type GapKind = "channel" | "device" | "department";
export type OpportunityStatus = "open" | "in_progress" | "done";
export type EvidenceKind = "quantitative" | "qualitative";

export const MAP_STATES = ["current", "future"] as const satisfies readonly MapState[];
export const GAP_KINDS = ["channel", "device", "department"] as const satisfies readonly GapKind[];
export const OPPORTUNITY_STATUSES = ["open", "in_progress", "done"] as const satisfies readonly OpportunityStatus[];
export const EVIDENCE_KINDS = ["quantitative", "qualitative"] as const satisfies readonly EvidenceKind[];

/** Collaborative text fields of a touchpoint (each a Y.Text; bind editors with getTouchpointText). */
export const TOUCHPOINT_TEXT_FIELDS = ["title", "activity", "goal", "informationNeeded", "thoughts"] as const;
export type TouchpointTextField = (typeof TOUCHPOINT_TEXT_FIELDS)[number];
/** Short single-value fields of a touchpoint (plain strings, last writer wins). */
export const TOUCHPOINT_SCALAR_FIELDS = ["channel", "device", "department", "owner"] as const;
export type TouchpointScalarField = (typeof TOUCHPOINT_SCALAR_FIELDS)[number];
export type TouchpointField = TouchpointTextField | TouchpointScalarField;

export type Kpi = {
  id: string;
  name: string;
  target: number | null;
  actual: number | null;
  unit: string;
  /** Whether a higher actual is better (conversion rate) or a lower one (response time). */
  higherIsBetter: boolean;
};
export type Evidence = { id: string; kind: EvidenceKind; text: string; source: string };
export type Opportunity = { id: string; text: string; owner: string; department: string; status: OpportunityStatus };
export type PainPoint = { id: string; text: string };
export type Lane = { id: string; name: string };
export type GapNote = { fromTouchpointId: string; toTouchpointId: string; kind: GapKind; handled: boolean; note: string };

export type Touchpoint = {
  id: string;
  stageId: string;
  title: string;
  channel: string;
  device: string;
  department: string;
  /** Responsible person. */
  owner: string;
  activity: string;
  goal: string;
  informationNeeded: string;
  thoughts: string;
  /** -3 (very negative) … +3 (very positive); null = not rated yet. */
  emotion: number | null;
  momentOfTruth: boolean;
  painPoints: PainPoint[];
  systems: string[];
  opportunities: Opportunity[];
  kpis: Kpi[];
  evidence: Evidence[];
  /** Values of the custom lanes, by lane id (missing = empty). */
  laneValues: Record<string, string>;
};

export type Stage = { id: string; name: string; touchpointIds: string[] };

export type MapData = {
  title: string;
  outcome: string;
  state: MapState;
  cyclic: boolean;
  personaIds: string[];
  stages: Stage[];
  /** Every touchpoint in journey order: by stage order, then by order within the stage. */
  touchpoints: Touchpoint[];
  lanes: Lane[];
  gapNotes: GapNote[];
};

export type Gap = {
  fromTouchpointId: string;
  toTouchpointId: string;
  kind: GapKind;
  fromValue: string;
  toValue: string;
  handled: boolean;
  note: string;
};

/** Plain input for new touchpoints (templates, addTouchpoint, import). */
export type TouchpointInput = Partial<{
  title: string;
  channel: string;
  device: string;
  department: string;
  owner: string;
  activity: string;
  goal: string;
  informationNeeded: string;
  thoughts: string;
  emotion: number | null;
  momentOfTruth: boolean;
  painPoints: string[];
  systems: string[];
  opportunities: OpportunityInput[];
  kpis: KpiInput[];
  evidence: EvidenceInput[];
  laneValues: Record<string, string>;
}>;
export type KpiInput = { name: string; target?: number | null; actual?: number | null; unit?: string; higherIsBetter?: boolean };
export type EvidenceInput = { kind: EvidenceKind; text: string; source?: string };
export type OpportunityInput = { text: string; owner?: string; department?: string; status?: OpportunityStatus };

/** Caps enforced on import and on adding; the editor can show them. */
export const MAP_LIMITS = {
  // 5,000: a workshop spreadsheet of that size imports as one map (issue 11); ~3 MB of Yjs state.
  touchpoints: 5000,
  stages: 200,
  lanes: 50,
  personas: 50,
  /** Items per list on one touchpoint (pain points, systems, opportunities, KPIs, evidence). */
  listItems: 100,
  titleLength: 300,
  shortTextLength: 200,
  longTextLength: 10_000,
} as const;

export const SCHEMA_VERSION = 1;

export class MapDocumentError extends Error {
  constructor(public readonly code: "touchpoint_limit" | "stage_limit" | "lane_limit" | "list_limit" | "not_found") {
    super(code);
  }
}

// ---------------------------------------------------------------------------------------------
// Internals

type YMapAny = Y.Map<unknown>;

const root = {
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

function yText(value: string): Y.Text {
  const t = new Y.Text();
  if (value) t.insert(0, value);
  return t;
}

function str(v: unknown): string {
  if (typeof v === "string") return v;
  if (v instanceof Y.Text) return v.toString();
  return "";
}

function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

function clampEmotion(v: unknown): number | null {
  const n = num(v);
  if (n === null) return null;
  return Math.max(-3, Math.min(3, Math.round(n)));
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[], fallback: T): T {
  return typeof v === "string" && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;
}

/** Ids in array order, first occurrence wins, only those present in `present`. */
function orderedIds(order: Y.Array<string>, present: { has(key: string): boolean; keys(): IterableIterator<string> }): string[] {
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

function deleteAll(arr: Y.Array<string>, id: string): void {
  const items = arr.toArray();
  for (let i = items.length - 1; i >= 0; i--) if (items[i] === id) arr.delete(i, 1);
}

function findInArray(arr: Y.Array<YMapAny> | undefined, itemId: string): { map: YMapAny; index: number } | null {
  if (!arr) return null;
  let index = 0;
  for (const map of arr) {
    if (map instanceof Y.Map && map.get("id") === itemId) return { map, index };
    index++;
  }
  return null;
}

function touchpointMap(doc: Y.Doc, id: string): YMapAny | null {
  const tp = root.touchpoints(doc).get(id);
  return tp instanceof Y.Map ? tp : null;
}

function stageMap(doc: Y.Doc, id: string): YMapAny | null {
  const st = root.stages(doc).get(id);
  return st instanceof Y.Map ? st : null;
}

function listOf(tp: YMapAny, key: "painPoints" | "opportunities" | "kpis" | "evidence"): Y.Array<YMapAny> {
  let arr = tp.get(key);
  if (!(arr instanceof Y.Array)) {
    arr = new Y.Array<YMapAny>();
    tp.set(key, arr);
  }
  return arr as Y.Array<YMapAny>;
}

function systemsOf(tp: YMapAny): Y.Array<string> {
  let arr = tp.get("systems");
  if (!(arr instanceof Y.Array)) {
    arr = new Y.Array<string>();
    tp.set("systems", arr);
  }
  return arr as Y.Array<string>;
}

function laneTexts(tp: YMapAny): Y.Map<Y.Text> {
  let m = tp.get("lanes");
  if (!(m instanceof Y.Map)) {
    m = new Y.Map<Y.Text>();
    tp.set("lanes", m);
  }
  return m as Y.Map<Y.Text>;
}

function textOf(map: YMapAny, key: string): Y.Text {
  const t = map.get(key);
  if (t instanceof Y.Text) return t;
  // Repair a missing/foreign value; only reached for documents written by something else.
  const fresh = yText(str(t));
  map.set(key, fresh);
  return fresh;
}

function makePainPoint(text: string): YMapAny {
  const m = new Y.Map<unknown>();
  m.set("id", newId());
  m.set("text", yText(text));
  return m;
}

function makeKpi(input: KpiInput, id = newId()): YMapAny {
  const m = new Y.Map<unknown>();
  m.set("id", id);
  m.set("name", input.name);
  m.set("target", num(input.target ?? null));
  m.set("actual", num(input.actual ?? null));
  m.set("unit", input.unit ?? "");
  m.set("higherIsBetter", input.higherIsBetter ?? true);
  return m;
}

function makeEvidence(input: EvidenceInput, id = newId()): YMapAny {
  const m = new Y.Map<unknown>();
  m.set("id", id);
  m.set("kind", input.kind);
  m.set("text", yText(input.text));
  m.set("source", input.source ?? "");
  return m;
}

function makeOpportunity(input: OpportunityInput, id = newId()): YMapAny {
  const m = new Y.Map<unknown>();
  m.set("id", id);
  m.set("text", yText(input.text));
  m.set("owner", input.owner ?? "");
  m.set("department", input.department ?? "");
  m.set("status", input.status ?? "open");
  return m;
}

function makeTouchpoint(id: string, stageId: string, fields: TouchpointInput, laneIds: string[]): YMapAny {
  const tp = new Y.Map<unknown>();
  tp.set("id", id);
  tp.set("stageId", stageId);
  for (const f of TOUCHPOINT_TEXT_FIELDS) tp.set(f, yText(fields[f] ?? ""));
  for (const f of TOUCHPOINT_SCALAR_FIELDS) tp.set(f, fields[f] ?? "");
  tp.set("emotion", clampEmotion(fields.emotion ?? null));
  tp.set("momentOfTruth", fields.momentOfTruth ?? false);
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
  return tp;
}

function uniqueStrings(values: string[]): string[] {
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

function gapKey(kind: GapKind, fromId: string, toId: string): string {
  return `${kind}|${fromId}|${toId}`;
}

// ---------------------------------------------------------------------------------------------
// Reading

function readKpi(m: YMapAny): Kpi {
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

function readTouchpointMap(tp: YMapAny, stageId: string, laneIds: string[]): Touchpoint {
  const lanes = tp.get("lanes");
  const laneValues: Record<string, string> = {};
  if (lanes instanceof Y.Map) for (const laneId of laneIds) laneValues[laneId] = str(lanes.get(laneId));
  const systems = tp.get("systems");
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
    emotion: clampEmotion(tp.get("emotion")),
    momentOfTruth: tp.get("momentOfTruth") === true,
    painPoints: readMaps(tp.get("painPoints"), (m) => ({ id: str(m.get("id")), text: str(m.get("text")) })),
    systems: systems instanceof Y.Array ? uniqueStrings(systems.toArray().filter((s): s is string => typeof s === "string")) : [],
    opportunities: readMaps(tp.get("opportunities"), (m) => ({
      id: str(m.get("id")),
      text: str(m.get("text")),
      owner: str(m.get("owner")),
      department: str(m.get("department")),
      status: oneOf(m.get("status"), OPPORTUNITY_STATUSES, "open"),
    })),
    kpis: readMaps(tp.get("kpis"), readKpi),
    evidence: readMaps(tp.get("evidence"), (m) => ({
      id: str(m.get("id")),
      kind: oneOf(m.get("kind"), EVIDENCE_KINDS, "qualitative"),
      text: str(m.get("text")),
      source: str(m.get("source")),
    })),
    laneValues,
  };
}

function readLanes(doc: Y.Doc): Lane[] {
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
function effectiveStageId(tp: YMapAny, stageIds: Set<string>, fallback: string | undefined): string | undefined {
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
  const stages: Stage[] = stageIds.map((id) => ({ id, name: str(stagesY.get(id)?.get("name")), touchpointIds: byStage.get(id)! }));
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
  doc.transact(() => tp.set("momentOfTruth", value));
  return true;
}

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

function setIfChanged(m: YMapAny, key: string, value: unknown) {
  if (m.get(key) !== value) m.set(key, value);
}

export function addPainPoint(doc: Y.Doc, touchpointId: string, text: string, index?: number): string | null {
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

function readMapsRaw(arr: unknown): YMapAny[] {
  return arr instanceof Y.Array ? arr.toArray().filter((m): m is YMapAny => m instanceof Y.Map) : [];
}

export function addEvidence(doc: Y.Doc, touchpointId: string, evidence: EvidenceInput): string | null {
  return addItem(doc, touchpointId, "evidence", () => makeEvidence(evidence));
}
export function updateEvidence(doc: Y.Doc, touchpointId: string, itemId: string, patch: Partial<Omit<Evidence, "id">>): boolean {
  return updateItem(doc, touchpointId, "evidence", itemId, (m) => {
    if (patch.kind !== undefined) setIfChanged(m, "kind", patch.kind);
    if (patch.text !== undefined) setText(textOf(m, "text"), patch.text);
    if (patch.source !== undefined) setIfChanged(m, "source", patch.source);
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

/**
 * Possible gaps: wherever two consecutive touchpoints (in journey order, across stage borders) both
 * name a channel, device or owner department and the value changes. Empty values are "unknown",
 * not a change. Joined with the handled notes of the document.
 */
export function computeGaps(map: Pick<MapData, "touchpoints" | "gapNotes">): Gap[] {
  const notes = new Map(map.gapNotes.map((n) => [gapKey(n.kind, n.fromTouchpointId, n.toTouchpointId), n]));
  const gaps: Gap[] = [];
  for (let i = 1; i < map.touchpoints.length; i++) {
    const a = map.touchpoints[i - 1];
    const b = map.touchpoints[i];
    for (const kind of GAP_KINDS) {
      const from = a[kind].trim();
      const to = b[kind].trim();
      if (!from || !to || from.toLowerCase() === to.toLowerCase()) continue;
      const note = notes.get(gapKey(kind, a.id, b.id));
      gaps.push({ fromTouchpointId: a.id, toTouchpointId: b.id, kind, fromValue: from, toValue: to, handled: note?.handled ?? false, note: note?.note ?? "" });
    }
  }
  return gaps;
}

// ---------------------------------------------------------------------------------------------
// Derived figures (used by the projection and the editor)

/** Whether a KPI meets its target; null when target or actual is missing. */
export function kpiOnTarget(kpi: Pick<Kpi, "target" | "actual" | "higherIsBetter">): boolean | null {
  if (kpi.target === null || kpi.actual === null) return null;
  return kpi.higherIsBetter ? kpi.actual >= kpi.target : kpi.actual <= kpi.target;
}

/** The emotion of each touchpoint in order and their average over rated touchpoints (null if none). */
export function summarizeEmotions(map: Pick<MapData, "touchpoints">): { curve: (number | null)[]; average: number | null } {
  const curve = map.touchpoints.map((t) => t.emotion);
  const rated = curve.filter((e): e is number => e !== null);
  return { curve, average: rated.length ? rated.reduce((a, b) => a + b, 0) / rated.length : null };
}

// ---------------------------------------------------------------------------------------------
// Export format `journeyboard.map/v1` (CONTRACT §7) — core fields plus extras:
//   lanes [{id,name}], gapNotes [...], touchpoint.opportunityDetails [{text, owner, department, status}],
//   touchpoint.laneValues {laneId: text}, kpi.higherIsBetter.
// On import `opportunities` may hold strings or objects; `opportunityDetails`, when present, wins.

export const MAP_EXPORT_FORMAT = "journeyboard.map/v1";

const L = MAP_LIMITS;
const zShort = (max: number = L.shortTextLength) => z.string().max(max, `at most ${max} characters`);
const zLong = () => z.string().max(L.longTextLength, `at most ${L.longTextLength} characters`);
const zId = z.string().trim().min(1, "must not be empty").max(100, "at most 100 characters");
const zList = <T extends z.ZodType>(item: T) => z.array(item).max(L.listItems, `at most ${L.listItems} items`);
const zNumberOrNull = z.number().nullable();

export const ZKpiExport = z.object({
  name: zShort().trim().min(1, "must not be empty"),
  target: zNumberOrNull.optional().default(null),
  actual: zNumberOrNull.optional().default(null),
  unit: zShort().optional().default(""),
  higherIsBetter: z.boolean().optional().default(true),
});

export const ZEvidenceExport = z.object({
  kind: z.enum(EVIDENCE_KINDS),
  text: zLong(),
  source: zShort(1000).optional().default(""),
});

export const ZOpportunityDetail = z.object({
  text: zLong(),
  owner: zShort().optional().default(""),
  department: zShort().optional().default(""),
  status: z.enum(OPPORTUNITY_STATUSES).optional().default("open"),
});

export const ZTouchpointExport = z.object({
  id: zId.optional(),
  stageId: zId,
  title: zShort(L.titleLength).optional().default(""),
  channel: zShort().optional().default(""),
  device: zShort().optional().default(""),
  department: zShort().optional().default(""),
  owner: zShort().optional().default(""),
  activity: zLong().optional().default(""),
  goal: zLong().optional().default(""),
  informationNeeded: zLong().optional().default(""),
  thoughts: zLong().optional().default(""),
  emotion: z.number().int("must be a whole number").min(-3, "must be between -3 and 3").max(3, "must be between -3 and 3").nullable().optional().default(null),
  momentOfTruth: z.boolean().optional().default(false),
  painPoints: zList(zLong()).optional().default([]),
  opportunities: zList(z.union([zLong(), ZOpportunityDetail])).optional().default([]),
  opportunityDetails: zList(ZOpportunityDetail).optional(),
  systems: zList(zShort()).optional().default([]),
  kpis: zList(ZKpiExport).optional().default([]),
  evidence: zList(ZEvidenceExport).optional().default([]),
  laneValues: z.record(z.string(), zLong()).optional().default({}),
});

export const ZMapExport = z
  .object({
    format: z.literal(MAP_EXPORT_FORMAT, { error: `must be "${MAP_EXPORT_FORMAT}"` }),
    id: z.string().optional(),
    title: zShort(L.titleLength).trim().min(1, "must not be empty"),
    state: z.enum(MAP_STATES).optional().default("current"),
    outcome: zLong().optional().default(""),
    cyclic: z.boolean().optional().default(false),
    personaIds: z.array(zId).max(L.personas, `at most ${L.personas} personas`).optional().default([]),
    stages: z.array(z.object({ id: zId, name: zShort().optional().default("") })).max(L.stages, `at most ${L.stages} stages`),
    touchpoints: z.array(ZTouchpointExport).max(L.touchpoints, `at most ${L.touchpoints} touchpoints`),
    lanes: z.array(z.object({ id: zId, name: zShort() })).max(L.lanes, `at most ${L.lanes} lanes`).optional().default([]),
    gapNotes: z
      .array(z.object({ fromTouchpointId: zId, toTouchpointId: zId, kind: z.enum(GAP_KINDS), handled: z.boolean(), note: zLong().optional().default("") }))
      .max(L.touchpoints * 3)
      .optional()
      .default([]),
  })
  .superRefine((value, ctx) => {
    const stageIds = new Set<string>();
    value.stages.forEach((s, i) => {
      if (stageIds.has(s.id)) ctx.addIssue({ code: "custom", path: ["stages", i, "id"], message: "duplicate stage id" });
      stageIds.add(s.id);
    });
    const tpIds = new Set<string>();
    value.touchpoints.forEach((t, i) => {
      if (!stageIds.has(t.stageId)) ctx.addIssue({ code: "custom", path: ["touchpoints", i, "stageId"], message: "no stage with this id" });
      if (t.id !== undefined) {
        if (tpIds.has(t.id)) ctx.addIssue({ code: "custom", path: ["touchpoints", i, "id"], message: "duplicate touchpoint id" });
        tpIds.add(t.id);
      }
    });
    const laneIds = new Set<string>();
    value.lanes.forEach((l, i) => {
      if (laneIds.has(l.id)) ctx.addIssue({ code: "custom", path: ["lanes", i, "id"], message: "duplicate lane id" });
      laneIds.add(l.id);
    });
  });

/** The export format as accepted on import (defaults filled in). */
export type MapExport = z.output<typeof ZMapExport>;
/** Export as produced by toExport (every field present). */
export type MapExportOutput = Omit<MapExport, "touchpoints"> & {
  id: string;
  touchpoints: (Omit<z.output<typeof ZTouchpointExport>, "opportunities" | "opportunityDetails"> & {
    id: string;
    opportunities: string[];
    opportunityDetails: z.output<typeof ZOpportunityDetail>[];
  })[];
};

/** The map (a document or plain data) in the export format. */
export function toExport(source: Y.Doc | MapData, mapId: string): MapExportOutput {
  const map = source instanceof Y.Doc ? readMap(source) : source;
  return {
    format: MAP_EXPORT_FORMAT,
    id: mapId,
    title: map.title,
    state: map.state,
    outcome: map.outcome,
    cyclic: map.cyclic,
    personaIds: map.personaIds,
    stages: map.stages.map((s) => ({ id: s.id, name: s.name })),
    touchpoints: map.touchpoints.map((t) => ({
      id: t.id,
      stageId: t.stageId,
      title: t.title,
      channel: t.channel,
      device: t.device,
      department: t.department,
      owner: t.owner,
      activity: t.activity,
      goal: t.goal,
      informationNeeded: t.informationNeeded,
      thoughts: t.thoughts,
      emotion: t.emotion,
      momentOfTruth: t.momentOfTruth,
      painPoints: t.painPoints.map((p) => p.text),
      opportunities: t.opportunities.map((o) => o.text),
      opportunityDetails: t.opportunities.map(({ text, owner, department, status }) => ({ text, owner, department, status })),
      systems: t.systems,
      kpis: t.kpis.map(({ name, target, actual, unit, higherIsBetter }) => ({ name, target, actual, unit, higherIsBetter })),
      evidence: t.evidence.map(({ kind, text, source }) => ({ kind, text, source })),
      laneValues: Object.fromEntries(Object.entries(t.laneValues).filter(([, v]) => v !== "")),
    })),
    lanes: map.lanes,
    gapNotes: map.gapNotes,
  };
}

/** Validates unknown JSON as an export; throws a ZodError whose issue paths name the offending field. */
export function parseMapExport(json: unknown): MapExport {
  return ZMapExport.parse(json);
}

function opportunitiesFromExport(t: z.output<typeof ZTouchpointExport>): OpportunityInput[] {
  if (t.opportunityDetails) return t.opportunityDetails;
  return t.opportunities.map((o) => (typeof o === "string" ? { text: o } : o));
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function replaceList<T>(tp: YMapAny, key: "painPoints" | "opportunities" | "kpis" | "evidence", current: T[], next: T[], make: (v: T) => YMapAny): void {
  if (sameJson(current, next)) return;
  const list = listOf(tp, key);
  list.delete(0, list.length);
  list.push(next.map(make));
}

/**
 * Replaces the whole content of the document with `data` (already validated by ZMapExport) in one
 * transaction. Ids are kept: a stage or touchpoint that already exists is updated in place (its
 * Y.Texts stay the same objects, so open editors keep their bindings and only see the changed
 * characters); missing ones are created, ones absent from `data` are deleted.
 */
export function applyExport(doc: Y.Doc, data: MapExport, origin: unknown = null): void {
  doc.transact(() => {
    const meta = root.meta(doc);
    setIfChanged(meta as YMapAny, "schema", SCHEMA_VERSION);
    setText(root.title(doc), data.title);
    setText(root.outcome(doc), data.outcome);
    setIfChanged(meta as YMapAny, "state", data.state);
    setIfChanged(meta as YMapAny, "cyclic", data.cyclic);
    setPersonaIds(doc, data.personaIds);

    // Lanes first: touchpoints need the lane ids.
    const lanes = root.lanes(doc);
    if (!sameJson(readLanes(doc), data.lanes)) {
      lanes.delete(0, lanes.length);
      lanes.push(
        data.lanes.map((l) => {
          const m = new Y.Map<unknown>();
          m.set("id", l.id);
          m.set("name", l.name);
          return m;
        }),
      );
    }
    const laneIds = data.lanes.map((l) => l.id);

    const stages = root.stages(doc);
    const wantedStages = new Set(data.stages.map((s) => s.id));
    for (const id of [...stages.keys()]) if (!wantedStages.has(id)) stages.delete(id);
    for (const s of data.stages) {
      const existing = stages.get(s.id);
      if (existing instanceof Y.Map) setText(textOf(existing, "name"), s.name);
      else {
        const st = new Y.Map<unknown>();
        st.set("id", s.id);
        st.set("name", yText(s.name));
        stages.set(s.id, st);
      }
    }
    replaceOrder(root.stageOrder(doc), data.stages.map((s) => s.id));

    const tps = root.touchpoints(doc);
    const ids = data.touchpoints.map((t) => t.id ?? newId());
    const wantedTps = new Set(ids);
    for (const id of [...tps.keys()]) if (!wantedTps.has(id)) tps.delete(id);
    data.touchpoints.forEach((t, i) => {
      const id = ids[i];
      const fields: TouchpointInput = { ...t, opportunities: opportunitiesFromExport(t) };
      const existing = tps.get(id);
      if (!(existing instanceof Y.Map)) {
        tps.set(id, makeTouchpoint(id, t.stageId, fields, laneIds));
        return;
      }
      const current = readTouchpointMap(existing, str(existing.get("stageId")), laneIds);
      setIfChanged(existing, "stageId", t.stageId);
      for (const f of TOUCHPOINT_TEXT_FIELDS) setText(textOf(existing, f), t[f]);
      for (const f of TOUCHPOINT_SCALAR_FIELDS) setIfChanged(existing, f, t[f]);
      setIfChanged(existing, "emotion", t.emotion);
      setIfChanged(existing, "momentOfTruth", t.momentOfTruth);
      replaceList(existing, "painPoints", current.painPoints.map((p) => p.text), t.painPoints, makePainPoint);
      replaceList(
        existing,
        "opportunities",
        current.opportunities.map(({ text, owner, department, status }) => ({ text, owner, department, status })),
        fields.opportunities!.map((o) => ({ text: o.text, owner: o.owner ?? "", department: o.department ?? "", status: o.status ?? "open" })),
        (o) => makeOpportunity(o),
      );
      replaceList(existing, "kpis", current.kpis.map(({ name, target, actual, unit, higherIsBetter }) => ({ name, target, actual, unit, higherIsBetter })), t.kpis, (k) => makeKpi(k));
      replaceList(existing, "evidence", current.evidence.map(({ kind, text, source }) => ({ kind, text, source })), t.evidence, (e) => makeEvidence(e));
      const systems = uniqueStrings(t.systems);
      if (!sameJson(current.systems, systems)) {
        const arr = systemsOf(existing);
        arr.delete(0, arr.length);
        arr.push(systems);
      }
      const texts = laneTexts(existing);
      for (const laneId of [...texts.keys()]) if (!laneIds.includes(laneId)) texts.delete(laneId);
      for (const laneId of laneIds) {
        const cell = texts.get(laneId);
        const value = t.laneValues[laneId] ?? "";
        if (cell instanceof Y.Text) setText(cell, value);
        else texts.set(laneId, yText(value));
      }
    });
    replaceOrder(root.touchpointOrder(doc), ids);

    const notes = root.gapNotes(doc);
    const wantedNotes = new Map(data.gapNotes.filter((n) => wantedTps.has(n.fromTouchpointId) && wantedTps.has(n.toTouchpointId)).map((n) => [gapKey(n.kind, n.fromTouchpointId, n.toTouchpointId), n]));
    for (const key of [...notes.keys()]) if (!wantedNotes.has(key)) notes.delete(key);
    for (const [key, n] of wantedNotes) {
      const cur = notes.get(key) as { handled?: unknown; note?: unknown } | undefined;
      if (!cur || cur.handled !== n.handled || cur.note !== n.note) notes.set(key, { handled: n.handled, note: n.note });
    }
  }, origin);
}

function replaceOrder(order: Y.Array<string>, ids: string[]): void {
  if (sameJson(order.toArray(), ids)) return;
  order.delete(0, order.length);
  order.push(ids);
}
