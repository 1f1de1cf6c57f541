// What changed between two states of a map (a saved version and now): a plain, serialisable diff
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

export function diffMaps(before: MapData, after: MapData): MapDiff {
  const stagesBefore = stageNames(before);
  const stagesAfter = stageNames(after);
  const tpBefore = new Map(before.touchpoints.map((t) => [t.id, t]));
  const tpAfter = new Map(after.touchpoints.map((t) => [t.id, t]));

  const added = after.touchpoints.filter((t) => !tpBefore.has(t.id)).map((t) => ref(t, stagesAfter));
  const removed = before.touchpoints.filter((t) => !tpAfter.has(t.id)).map((t) => ref(t, stagesBefore));
  const changed: TouchpointChange[] = [];
  const kpis: KpiChange[] = [];
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
    !added.length && !removed.length && !changed.length && !kpis.length && !opened.length && !closed.length &&
    !stages.added.length && !stages.removed.length && !stages.renamed.length && !stages.reordered && averageEmotion.before === averageEmotion.after;
  return { touchpoints: { added, removed, changed }, averageEmotion, gaps: { opened, closed }, kpis, stages, unchanged };
}
