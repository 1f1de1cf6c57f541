// What changed between two states of a map (two saved versions, or a version and now): a plain, serialisable diff
// for the history panel. Pure: works on `readMap` output only.
import { computeGaps, kpiOnTarget, summarizeEmotions, type Gap, type GapKind, type MapData, type Touchpoint } from "./map-document";

export type TouchpointRef = { id: string; title: string; stageName: string };
export type FieldChange<T> = { before: T; after: T };
export type TouchpointFieldChanges = {
  title?: FieldChange<string>;
  stage?: FieldChange<string>;
  emotion?: FieldChange<number | null>;
  momentOfTruth?: FieldChange<boolean>;
  department?: FieldChange<string>;
  /** Text lanes (activity, goal, information needed, thoughts, channel, device, owner) and custom lanes that differ. */
  texts?: TextChange[];
  painPoints?: ListChange;
  opportunities?: ListChange;
};
/** `field` is a built-in field name, or `lane:{name}` for a custom lane. */
export type TextChange = { field: string; before: string; after: string };
export type ListChange = { added: string[]; removed: string[] };
/** A KPI added, removed, or whose target/actual changed (status changes are in `kpis` as before). */
export type KpiValueChange = {
  touchpointId: string;
  touchpointTitle: string;
  name: string;
  change: "added" | "removed" | "changed";
  target: FieldChange<number | null>;
  actual: FieldChange<number | null>;
};
/** A touchpoint on both sides (title and stage as now) with the fields that differ. */
export type TouchpointChange = TouchpointRef & { changes: TouchpointFieldChanges };
export type GapRef = { fromTitle: string; toTitle: string; kind: GapKind; fromValue: string; toValue: string };
export type KpiChange = { touchpointId: string; touchpointTitle: string; name: string; before: boolean | null; after: boolean | null };
export type StageChanges = { added: string[]; removed: string[]; renamed: FieldChange<string>[]; reordered: boolean };

export type MapDiff = {
  touchpoints: { added: TouchpointRef[]; removed: TouchpointRef[]; changed: TouchpointChange[] };
  averageEmotion: FieldChange<number | null>;
  gaps: { opened: GapRef[]; closed: GapRef[] };
  kpis: KpiChange[];
  kpiValues: KpiValueChange[];
  stages: StageChanges;
  /** True when nothing listed above changed. */
  unchanged: boolean;
};

const stageNames = (map: MapData) => new Map(map.stages.map((s) => [s.id, s.name]));
const ref = (tp: Touchpoint, stages: Map<string, string>): TouchpointRef => ({ id: tp.id, title: tp.title, stageName: stages.get(tp.stageId) ?? "" });
const gapKey = (g: Gap) => `${g.kind}:${g.fromTouchpointId}>${g.toTouchpointId}`;

function gapRef(g: Gap, map: MapData): GapRef {
  const title = (id: string) => map.touchpoints.find((t) => t.id === id)?.title ?? "";
  return { fromTitle: title(g.fromTouchpointId), toTitle: title(g.toTouchpointId), kind: g.kind, fromValue: g.fromValue, toValue: g.toValue };
}

const TEXT_FIELDS = ["activity", "goal", "informationNeeded", "thoughts", "channel", "device", "owner"] as const;

/** Items (by text, as a multiset) only on one side. */
function listChange(before: string[], after: string[]): ListChange | null {
  const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const b = count(before);
  const a = count(after);
  const added: string[] = [];
  const removed: string[] = [];
  for (const [x, n] of a) for (let i = b.get(x) ?? 0; i < n; i++) added.push(x);
  for (const [x, n] of b) for (let i = a.get(x) ?? 0; i < n; i++) removed.push(x);
  return added.length || removed.length ? { added, removed } : null;
}

export function diffMaps(before: MapData, after: MapData): MapDiff {
  const stagesBefore = stageNames(before);
  const stagesAfter = stageNames(after);
  const tpBefore = new Map(before.touchpoints.map((t) => [t.id, t]));
  const tpAfter = new Map(after.touchpoints.map((t) => [t.id, t]));

  const added = after.touchpoints.filter((t) => !tpBefore.has(t.id)).map((t) => ref(t, stagesAfter));
  const removed = before.touchpoints.filter((t) => !tpAfter.has(t.id)).map((t) => ref(t, stagesBefore));
  const changed: TouchpointChange[] = [];
  const kpis: KpiChange[] = [];
  const kpiValues: KpiValueChange[] = [];
  for (const a of after.touchpoints) {
    const b = tpBefore.get(a.id);
    if (!b) continue;
    const change: TouchpointFieldChanges = {};
    let any = false;
    if (b.title !== a.title) {
      change.title = { before: b.title, after: a.title };
      any = true;
    }
    const sb = stagesBefore.get(b.stageId) ?? "";
    const sa = stagesAfter.get(a.stageId) ?? "";
    if (b.stageId !== a.stageId) {
      change.stage = { before: sb, after: sa };
      any = true;
    }
    if (b.emotion !== a.emotion) {
      change.emotion = { before: b.emotion, after: a.emotion };
      any = true;
    }
    if (b.momentOfTruth !== a.momentOfTruth) {
      change.momentOfTruth = { before: b.momentOfTruth, after: a.momentOfTruth };
      any = true;
    }
    if (b.department !== a.department) {
      change.department = { before: b.department, after: a.department };
      any = true;
    }
    const texts: TextChange[] = [];
    for (const f of TEXT_FIELDS) if (b[f] !== a[f]) texts.push({ field: f, before: b[f], after: a[f] });
    const laneNames = new Map([...before.lanes, ...after.lanes].map((l) => [l.id, l.name]));
    for (const laneId of new Set([...Object.keys(b.laneValues), ...Object.keys(a.laneValues)])) {
      const x = b.laneValues[laneId] ?? "";
      const y = a.laneValues[laneId] ?? "";
      if (x !== y) texts.push({ field: `lane:${laneNames.get(laneId) ?? laneId}`, before: x, after: y });
    }
    if (texts.length) {
      change.texts = texts;
      any = true;
    }
    const pains = listChange(b.painPoints.map((p) => p.text), a.painPoints.map((p) => p.text));
    if (pains) {
      change.painPoints = pains;
      any = true;
    }
    const opps = listChange(b.opportunities.map((o) => o.text), a.opportunities.map((o) => o.text));
    if (opps) {
      change.opportunities = opps;
      any = true;
    }
    if (any) changed.push({ ...ref(a, stagesAfter), changes: change });
    // KPIs matched by id within the touchpoint; a KPI only on one side counts as "no status" there.
    const kb = new Map(b.kpis.map((k) => [k.id, k]));
    const ids = new Set([...b.kpis.map((k) => k.id), ...a.kpis.map((k) => k.id)]);
    const ka = new Map(a.kpis.map((k) => [k.id, k]));
    for (const id of ids) {
      const x = kb.get(id);
      const y = ka.get(id);
      const sBefore = x ? kpiOnTarget(x) : null;
      const sAfter = y ? kpiOnTarget(y) : null;
      if (sBefore !== sAfter) kpis.push({ touchpointId: a.id, touchpointTitle: a.title, name: (y ?? x)!.name, before: sBefore, after: sAfter });
      const valueChange = !x ? "added" : !y ? "removed" : x.target !== y.target || x.actual !== y.actual ? "changed" : null;
      if (valueChange) {
        kpiValues.push({
          touchpointId: a.id, touchpointTitle: a.title, name: (y ?? x)!.name, change: valueChange,
          target: { before: x?.target ?? null, after: y?.target ?? null }, actual: { before: x?.actual ?? null, after: y?.actual ?? null },
        });
      }
    }
  }

  // Gaps: open = not handled. Opened = open now but not open before; closed = open before, not open now.
  const openBefore = new Map(computeGaps(before).filter((g) => !g.handled).map((g) => [gapKey(g), g]));
  const openAfter = new Map(computeGaps(after).filter((g) => !g.handled).map((g) => [gapKey(g), g]));
  const opened = [...openAfter].filter(([k]) => !openBefore.has(k)).map(([, g]) => gapRef(g, after));
  const closed = [...openBefore].filter(([k]) => !openAfter.has(k)).map(([, g]) => gapRef(g, before));

  const stageIdsBefore = before.stages.map((s) => s.id);
  const stageIdsAfter = after.stages.map((s) => s.id);
  const common = (ids: string[], other: string[]) => ids.filter((id) => other.includes(id));
  const stages: StageChanges = {
    added: after.stages.filter((s) => !stagesBefore.has(s.id)).map((s) => s.name),
    removed: before.stages.filter((s) => !stagesAfter.has(s.id)).map((s) => s.name),
    renamed: after.stages.filter((s) => stagesBefore.has(s.id) && stagesBefore.get(s.id) !== s.name).map((s) => ({ before: stagesBefore.get(s.id)!, after: s.name })),
    reordered: common(stageIdsBefore, stageIdsAfter).join() !== common(stageIdsAfter, stageIdsBefore).join(),
  };

  const averageEmotion = { before: summarizeEmotions(before).average, after: summarizeEmotions(after).average };
  const unchanged =
    !added.length && !removed.length && !changed.length && !kpis.length && !kpiValues.length && !opened.length && !closed.length &&
    !stages.added.length && !stages.removed.length && !stages.renamed.length && !stages.reordered && averageEmotion.before === averageEmotion.after;
  return { touchpoints: { added, removed, changed }, averageEmotion, gaps: { opened, closed }, kpis, kpiValues, stages, unchanged };
}
