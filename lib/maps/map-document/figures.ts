import { GAP_KINDS } from "./types";
import type { Gap, Kpi, MapData } from "./types";
import { gapKey } from "./y-model";

// ---------------------------------------------------------------------------------------------
// Gaps and derived figures (used by the projection and the editor)

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
