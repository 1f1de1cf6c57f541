// The side-by-side comparison of a current-state map and its future-state map (issue 13): pure,
// works on `readMap` output only. Touchpoints are matched through the future touchpoint's
// `sourceTouchpointId`; the field comparison of a matched pair reuses diffMaps (one touchpoint on
// each side), KPI targets are matched by KPI name (the future copy has fresh KPI ids).
import { diffMaps, type TextChange } from "../diff-maps";
import { FUTURE_STATUSES, summarizeEmotions, type FutureStatus, type MapData, type Stage, type Touchpoint } from "../map-document";

export type PairChangeKind = "added" | "removed" | "changed" | "unchanged";
export type Before<T> = { before: T; after: T };
export type KpiTargetChange = { name: string; before: number | null; after: number | null; unit: string };

export type PairTouchpoint = {
  kind: PairChangeKind;
  /** The current touchpoint (null when added). */
  currentId: string | null;
  /** The future touchpoint (null when removed). */
  futureId: string | null;
  title: string;
  stageId: string;
  stageName: string;
  futureStatus: FutureStatus | null;
  emotion: Before<number | null>;
  /** Set only when it differs. */
  owner?: Before<string>;
  kpiTargets: KpiTargetChange[];
  /** Names of the other fields that differ (title, stage, activity, …, painPoints, opportunities). */
  otherChanges: string[];
};

export type PairStage = {
  id: string;
  name: string;
  /** The stage's central question (engineer A's field) when the document has one; else null. */
  centralQuestion: string | null;
  currentAverage: number | null;
  futureAverage: number | null;
  /** future − current average emotion (null when either side has no rating). */
  gap: number | null;
};

/** One row of the overlaid curves: stage by stage, the future touchpoints (with their source's emotion), then the removed ones. */
export type PairCurvePoint = { key: string; label: string; stageName: string; current: number | null; future: number | null };

export type PairProgress = { total: number; idea: number; planned: number; in_progress: number; live: number; unset: number; liveShare: number | null };

export type PairComparison = {
  averages: { current: number | null; future: number | null; gap: number | null };
  stages: PairStage[];
  touchpoints: PairTouchpoint[];
  counts: Record<PairChangeKind, number>;
  curve: PairCurvePoint[];
  progress: PairProgress;
};

const gapOf = (c: number | null, f: number | null) => (c === null || f === null ? null : f - c);

function stageQuestion(stage: Stage | undefined): string | null {
  // Read through a cast: `centralQuestion` is added by another part of issue 13 and may be absent.
  const q = (stage as (Stage & { centralQuestion?: unknown }) | undefined)?.centralQuestion;
  return typeof q === "string" && q.trim() ? q : null;
}

/** Progress of the future touchpoints by status. */
export function pairProgress(future: Pick<MapData, "touchpoints">): PairProgress {
  const p: PairProgress = { total: future.touchpoints.length, idea: 0, planned: 0, in_progress: 0, live: 0, unset: 0, liveShare: null };
  for (const t of future.touchpoints) {
    if (t.futureStatus && (FUTURE_STATUSES as readonly string[]).includes(t.futureStatus)) p[t.futureStatus]++;
    else p.unset++;
  }
  p.liveShare = p.total ? p.live / p.total : null;
  return p;
}

function compareTouchpoints(current: MapData, future: MapData, c: Touchpoint, f: Touchpoint): Omit<PairTouchpoint, "kind" | "stageName" | "futureStatus" | "currentId" | "futureId" | "title" | "stageId"> & { changed: boolean } {
  // diffMaps on one touchpoint per side (the future one under the current id); KPIs compared below.
  const side = (map: MapData, t: Touchpoint): MapData => ({ ...map, touchpoints: [{ ...t, id: c.id, kpis: [] }], gapNotes: [] });
  const diff = diffMaps(side(current, c), side(future, f));
  const change = diff.touchpoints.changed[0]?.changes ?? {};
  const texts: TextChange[] = change.texts ?? [];
  const ownerChange = texts.find((x) => x.field === "owner");
  const otherChanges = [
    ...(change.title ? ["title"] : []),
    ...(change.stage ? ["stage"] : []),
    ...(change.momentOfTruth ? ["momentOfTruth"] : []),
    ...(change.department ? ["department"] : []),
    ...texts.filter((x) => x.field !== "owner").map((x) => x.field),
    ...(change.painPoints ? ["painPoints"] : []),
    ...(change.opportunities ? ["opportunities"] : []),
  ];
  const before = new Map(c.kpis.map((k) => [k.name.trim().toLowerCase(), k]));
  const after = new Map(f.kpis.map((k) => [k.name.trim().toLowerCase(), k]));
  const kpiTargets: KpiTargetChange[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const x = before.get(key);
    const y = after.get(key);
    const tb = x?.target ?? null;
    const ta = y?.target ?? null;
    if (tb !== ta || !x || !y) kpiTargets.push({ name: (y ?? x)!.name, before: tb, after: ta, unit: (y ?? x)!.unit });
  }
  return {
    emotion: { before: c.emotion, after: f.emotion },
    ...(ownerChange ? { owner: { before: ownerChange.before, after: ownerChange.after } } : {}),
    kpiTargets,
    otherChanges,
    changed: Boolean(change.emotion) || Boolean(ownerChange) || kpiTargets.length > 0 || otherChanges.length > 0,
  };
}

/** Compares a current-state map with its future-state map. */
export function comparePair(current: MapData, future: MapData): PairComparison {
  const currentById = new Map(current.touchpoints.map((t) => [t.id, t]));
  const linked = new Set(future.touchpoints.map((t) => t.sourceTouchpointId).filter((id): id is string => id !== null && currentById.has(id)));
  const currentStages = new Map(current.stages.map((s) => [s.id, s]));
  const futureStages = new Map(future.stages.map((s) => [s.id, s]));
  const stageName = (id: string) => futureStages.get(id)?.name ?? currentStages.get(id)?.name ?? "";

  const touchpoints: PairTouchpoint[] = [];
  for (const f of future.touchpoints) {
    const c = f.sourceTouchpointId ? currentById.get(f.sourceTouchpointId) : undefined;
    const base = { futureId: f.id, title: f.title, stageId: f.stageId, stageName: stageName(f.stageId), futureStatus: f.futureStatus };
    if (!c) {
      touchpoints.push({ ...base, kind: "added", currentId: null, emotion: { before: null, after: f.emotion }, kpiTargets: [], otherChanges: [] });
      continue;
    }
    const { changed, ...fields } = compareTouchpoints(current, future, c, f);
    touchpoints.push({ ...base, ...fields, kind: changed ? "changed" : "unchanged", currentId: c.id });
  }
  const removed = current.touchpoints.filter((t) => !linked.has(t.id));
  for (const c of removed) {
    touchpoints.push({
      kind: "removed", currentId: c.id, futureId: null, title: c.title, stageId: c.stageId, stageName: stageName(c.stageId),
      futureStatus: null, emotion: { before: c.emotion, after: null }, kpiTargets: [], otherChanges: [],
    });
  }

  // Stages: the future map's order, then stages only the current map still has.
  const stageIds = [...future.stages.map((s) => s.id), ...current.stages.map((s) => s.id).filter((id) => !futureStages.has(id))];
  const stages: PairStage[] = stageIds.map((id) => {
    const currentAverage = summarizeEmotions({ touchpoints: current.touchpoints.filter((t) => t.stageId === id) }).average;
    const futureAverage = summarizeEmotions({ touchpoints: future.touchpoints.filter((t) => t.stageId === id) }).average;
    return {
      id, name: stageName(id), centralQuestion: stageQuestion(futureStages.get(id)) ?? stageQuestion(currentStages.get(id)),
      currentAverage, futureAverage, gap: gapOf(currentAverage, futureAverage),
    };
  });

  const curve: PairCurvePoint[] = [];
  for (const id of stageIds) {
    for (const t of touchpoints.filter((x) => x.stageId === id && x.kind !== "removed")) {
      curve.push({ key: `f:${t.futureId}`, label: t.title, stageName: t.stageName, current: t.emotion.before, future: t.emotion.after });
    }
    for (const t of touchpoints.filter((x) => x.stageId === id && x.kind === "removed")) {
      curve.push({ key: `c:${t.currentId}`, label: t.title, stageName: t.stageName, current: t.emotion.before, future: null });
    }
  }

  const counts: Record<PairChangeKind, number> = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const t of touchpoints) counts[t.kind]++;
  const avgCurrent = summarizeEmotions(current).average;
  const avgFuture = summarizeEmotions(future).average;
  return {
    averages: { current: avgCurrent, future: avgFuture, gap: gapOf(avgCurrent, avgFuture) },
    stages,
    touchpoints,
    counts,
    curve,
    progress: pairProgress(future),
  };
}
