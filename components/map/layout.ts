// Geometry of the map editor grid (pure, tested): which lanes there are and how tall, which
// columns (touchpoints, and a placeholder for each empty stage), where each stage spans.
import type { Lane, MapData, Touchpoint } from "@/lib/maps/map-document";

export const BUILTIN_LANES = [
  "channel", "device", "gaps", "activity", "goal", "informationNeeded", "thoughts", "emotion",
  "momentOfTruth", "painPoints", "opportunities", "department", "systems", "kpis", "evidence",
] as const;
export type BuiltinLane = (typeof BUILTIN_LANES)[number];
/** A lane key: a built-in lane, or `lane:{id}` for a custom text lane. */
export type LaneKey = BuiltinLane | `lane:${string}`;

const HEIGHTS: Record<BuiltinLane, number> = {
  channel: 44,
  device: 44,
  gaps: 40,
  activity: 92,
  goal: 92,
  informationNeeded: 92,
  thoughts: 92,
  emotion: 176,
  momentOfTruth: 44,
  painPoints: 108,
  opportunities: 108,
  department: 72,
  systems: 64,
  kpis: 108,
  evidence: 92,
};
export const CUSTOM_LANE_HEIGHT = 92;
export const COLLAPSED_LANE_HEIGHT = 28;
// Two rows: the stage name with its controls, and its central question (issue 13).
export const STAGE_BAND_HEIGHT = 60;
export const TITLE_ROW_HEIGHT = 60;
export const HEADER_HEIGHT = STAGE_BAND_HEIGHT + TITLE_ROW_HEIGHT;
export const LABEL_WIDTH = 176;
export const BASE_COLUMN_WIDTH = 232;
export const MIN_ZOOM = 0.3;
export const MAX_ZOOM = 1.5;

export type LaneRow = { key: LaneKey; top: number; height: number; collapsed: boolean; customLane?: Lane };

/** Every lane row in order with its offset from the top of the lane area. */
export function layoutLanes(customLanes: Lane[], collapsed: ReadonlySet<string>): LaneRow[] {
  const rows: LaneRow[] = [];
  let top = 0;
  const push = (key: LaneKey, height: number, customLane?: Lane) => {
    const isCollapsed = collapsed.has(key);
    const h = isCollapsed ? COLLAPSED_LANE_HEIGHT : height;
    rows.push({ key, top, height: h, collapsed: isCollapsed, customLane });
    top += h;
  };
  for (const key of BUILTIN_LANES) push(key, HEIGHTS[key]);
  for (const lane of customLanes) push(`lane:${lane.id}`, CUSTOM_LANE_HEIGHT, lane);
  return rows;
}

export function totalLaneHeight(rows: LaneRow[]): number {
  const last = rows[rows.length - 1];
  return last ? last.top + last.height : 0;
}

export type Column =
  | { kind: "touchpoint"; key: string; stageId: string; touchpoint: Touchpoint; indexInStage: number; journeyIndex: number }
  | { kind: "empty"; key: string; stageId: string };

/** The map's columns: each stage's touchpoints in order, or one placeholder for an empty stage. */
export function buildColumns(map: Pick<MapData, "stages" | "touchpoints">): Column[] {
  const byId = new Map(map.touchpoints.map((t, i) => [t.id, { t, i }]));
  const columns: Column[] = [];
  for (const stage of map.stages) {
    if (stage.touchpointIds.length === 0) {
      columns.push({ kind: "empty", key: `empty:${stage.id}`, stageId: stage.id });
      continue;
    }
    stage.touchpointIds.forEach((id, indexInStage) => {
      const entry = byId.get(id);
      if (entry) columns.push({ kind: "touchpoint", key: id, stageId: stage.id, touchpoint: entry.t, indexInStage, journeyIndex: entry.i });
    });
  }
  return columns;
}

export type StageSpan = { stageId: string; name: string; first: number; last: number; stageIndex: number; count: number };

/** The column range of every stage (stages are contiguous by construction). */
export function stageSpans(map: Pick<MapData, "stages">, columns: Column[]): StageSpan[] {
  const spans: StageSpan[] = [];
  let i = 0;
  map.stages.forEach((stage, stageIndex) => {
    const first = i;
    while (i < columns.length && columns[i].stageId === stage.id) i++;
    if (i > first) spans.push({ stageId: stage.id, name: stage.name, first, last: i - 1, stageIndex, count: stage.touchpointIds.length });
  });
  return spans;
}

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(zoom * 100) / 100));
}

/** The zoom at which `columnCount` columns fill `viewportWidth` (the lane labels excluded). */
export function zoomToFit(viewportWidth: number, columnCount: number): number {
  if (columnCount <= 0) return 1;
  return clampZoom((viewportWidth - LABEL_WIDTH - 16) / (columnCount * BASE_COLUMN_WIDTH));
}

/**
 * Where a touchpoint goes when moved one step left (-1) or right (+1) by keyboard: within its
 * stage, or to the end/start of the neighbouring stage at the stage's edge. `wholeStage` moves it
 * to the adjacent stage (Alt+Shift+arrow). Null when it cannot move further.
 */
export function keyboardMoveTarget(
  map: Pick<MapData, "stages">,
  touchpointId: string,
  direction: -1 | 1,
  wholeStage: boolean,
): { stageId: string; index: number } | null {
  const stageIndex = map.stages.findIndex((s) => s.touchpointIds.includes(touchpointId));
  if (stageIndex < 0) return null;
  const stage = map.stages[stageIndex];
  const index = stage.touchpointIds.indexOf(touchpointId);
  if (!wholeStage) {
    const next = index + direction;
    if (next >= 0 && next < stage.touchpointIds.length) return { stageId: stage.id, index: next };
  }
  const neighbour = map.stages[stageIndex + direction];
  if (!neighbour) return null;
  if (wholeStage) return { stageId: neighbour.id, index: Math.min(index, neighbour.touchpointIds.length) };
  return { stageId: neighbour.id, index: direction < 0 ? neighbour.touchpointIds.length : 0 };
}

/**
 * The target of a drag-and-drop onto column `over` (a touchpoint or an empty stage), in the
 * terms of moveTouchpoint: dropping onto a later column of the same stage puts it after that
 * column, otherwise before it.
 */
export function dropTarget(columns: Column[], activeId: string, overKey: string): { stageId: string; index: number } | null {
  const from = columns.findIndex((c) => c.key === activeId);
  const to = columns.findIndex((c) => c.key === overKey);
  if (from < 0 || to < 0) return null;
  const over = columns[to];
  if (over.kind === "empty") return { stageId: over.stageId, index: 0 };
  const active = columns[from];
  if (active.kind !== "touchpoint") return null;
  if (active.key === over.key) return null;
  // moveTouchpoint's index counts the siblings without the moved one.
  if (active.stageId === over.stageId) return { stageId: over.stageId, index: over.indexInStage };
  return { stageId: over.stageId, index: from < to ? over.indexInStage + 1 : over.indexInStage };
}
