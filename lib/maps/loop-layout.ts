// Geometry of the loop view of a cyclic map (pure, no DOM): stages as arcs around a ring in journey
// order starting at the top and running clockwise, touchpoints as points on the ring (spread evenly
// within their stage's arc), each pushed outward (positive emotion) or inward (negative) from the
// ring, and an arrow through the gap between the last stage and the first (Recommend → Impulse).
// Used by the editor's loop view and by its SVG export, so both draw the same picture.

export type LoopInput = {
  stages: { id: string; name: string; touchpointIds: string[] }[];
  touchpoints: { id: string; stageId: string; emotion: number | null }[];
};

export type LoopStageArc = {
  id: string;
  name: string;
  index: number;
  /** Radians, clockwise from the top (0 = 12 o'clock). */
  startAngle: number;
  endAngle: number;
  /** SVG path of the stage's arc on the ring. */
  path: string;
  /** Where to put the stage's name (outside the ring). */
  label: { x: number; y: number; anchor: "start" | "middle" | "end" };
};

export type LoopPoint = {
  touchpointId: string;
  stageId: string;
  /** Place in the whole journey (0-based). */
  index: number;
  angle: number;
  emotion: number | null;
  /** The point itself (moved off the ring by the emotion). */
  x: number;
  y: number;
  /** The point's foot on the ring (emotion 0). */
  ringX: number;
  ringY: number;
  /** Where its score label goes (further out for positive, further in for negative emotion). */
  labelX: number;
  labelY: number;
};

export type LoopLayout = {
  size: number;
  cx: number;
  cy: number;
  radius: number;
  /** Radial pixels per emotion step. */
  emotionStep: number;
  stages: LoopStageArc[];
  points: LoopPoint[];
  /** The closed emotion curve through every point (empty with fewer than two points). */
  curvePath: string;
  /** The arc from the end of the last stage back to the start of the first (empty without stages). */
  returnPath: string;
};

export type LoopLayoutOptions = {
  /** Width and height of the square drawing (px). */
  size?: number;
  /** Gap between two stages (radians). */
  stageGap?: number;
  /** Gap between the last and the first stage, holding the return arrow (radians). */
  returnGap?: number;
};

const TAU = Math.PI * 2;
const round = (n: number) => Math.round(n * 100) / 100;

/** The point at `angle` (0 = top, clockwise) on a circle of radius r around (cx, cy). */
export function polar(cx: number, cy: number, r: number, angle: number): { x: number; y: number } {
  return { x: round(cx + r * Math.sin(angle)), y: round(cy - r * Math.cos(angle)) };
}

/** An SVG arc path from angle a to angle b (clockwise, b > a) on a circle of radius r. */
export function arcPath(cx: number, cy: number, r: number, a: number, b: number): string {
  if (b <= a) return "";
  const start = polar(cx, cy, r, a);
  const end = polar(cx, cy, r, b);
  const large = b - a > Math.PI ? 1 : 0;
  return `M ${start.x} ${start.y} A ${r} ${r} 0 ${large} 1 ${end.x} ${end.y}`;
}

function clampEmotion(e: number | null): number | null {
  if (e === null || !Number.isFinite(e)) return null;
  return Math.max(-3, Math.min(3, Math.round(e)));
}

/**
 * Lays a map out as a loop. Each stage gets an arc proportional to its number of touchpoints (an
 * empty stage counts as one, so it stays visible); touchpoints sit at the centres of equal slots of
 * their stage's arc. Emotion e moves a point e × emotionStep away from the ring (outward when
 * positive), so the curve reads without colour.
 */
export function layoutLoop(map: LoopInput, options: LoopLayoutOptions = {}): LoopLayout {
  const size = options.size ?? 560;
  const cx = size / 2;
  const cy = size / 2;
  // Room outside the ring for +3 points, their labels and the stage names.
  const radius = round(size * 0.3);
  const emotionStep = round(radius * 0.09);
  const stageCount = map.stages.length;
  const returnGap = stageCount ? (options.returnGap ?? 0.22) : 0;
  const stageGap = stageCount > 1 ? (options.stageGap ?? 0.05) : 0;
  const available = Math.max(0, TAU - returnGap - stageGap * Math.max(0, stageCount - 1));
  const tpById = new Map(map.touchpoints.map((t) => [t.id, t]));
  const weights = map.stages.map((s) => Math.max(1, s.touchpointIds.filter((id) => tpById.has(id)).length));
  const totalWeight = weights.reduce((a, b) => a + b, 0) || 1;

  const stages: LoopStageArc[] = [];
  const points: LoopPoint[] = [];
  // The return gap is centred on the top: the first stage starts just right of 12 o'clock.
  let angle = returnGap / 2;
  map.stages.forEach((stage, index) => {
    const span = (available * weights[index]) / totalWeight;
    const startAngle = angle;
    const endAngle = angle + span;
    const mid = (startAngle + endAngle) / 2;
    const labelPos = polar(cx, cy, radius + emotionStep * 3 + 34, mid);
    const sin = Math.sin(mid);
    stages.push({
      id: stage.id,
      name: stage.name,
      index,
      startAngle: round(startAngle),
      endAngle: round(endAngle),
      path: arcPath(cx, cy, radius, startAngle, endAngle),
      label: { ...labelPos, anchor: Math.abs(sin) < 0.2 ? "middle" : sin > 0 ? "start" : "end" },
    });
    const ids = stage.touchpointIds.filter((id) => tpById.has(id));
    ids.forEach((id, i) => {
      const tp = tpById.get(id)!;
      const a = startAngle + (span * (i + 0.5)) / ids.length;
      const emotion = clampEmotion(tp.emotion);
      const r = radius + (emotion ?? 0) * emotionStep;
      const p = polar(cx, cy, r, a);
      const foot = polar(cx, cy, radius, a);
      const labelR = emotion !== null && emotion < 0 ? r - 16 : r + 16;
      const l = polar(cx, cy, labelR, a);
      points.push({ touchpointId: id, stageId: stage.id, index: points.length, angle: round(a), emotion, x: p.x, y: p.y, ringX: foot.x, ringY: foot.y, labelX: l.x, labelY: l.y });
    });
    angle = endAngle + stageGap;
  });

  const curvePath = points.length > 1 ? `M ${points.map((p) => `${p.x} ${p.y}`).join(" L ")} Z` : "";
  const last = stages.at(-1);
  const first = stages[0];
  // Runs through the return gap, across the top: from the end of the last stage to the start of the first.
  const returnPath = last && first ? arcPath(cx, cy, radius, last.endAngle + 0.03, first.startAngle + TAU - 0.03) : "";
  return { size, cx, cy, radius, emotionStep, stages, points, curvePath, returnPath };
}
