import { GAP_KINDS } from "./types";
import type { Gap, GapKind, Kpi, MapData } from "./types";
import { gapKey } from "./y-model";

// ---------------------------------------------------------------------------------------------
// Gaps and derived figures (used by the projection and the editor)

/**
 * Possible gaps: wherever two consecutive touchpoints (in journey order, across stage borders) both
 * name a channel, device or owner department and the value changes. Empty values are "unknown",
 * not a change. Joined with the handled notes of the document.
 * `normalise` maps a value to the key it is compared by (a workspace vocabulary: "Web" and "Website"
 * → "website"); without it values compare case-insensitively. The gap keeps the values as written.
 */
export function computeGaps(map: Pick<MapData, "touchpoints" | "gapNotes">, normalise?: GapNormaliser): Gap[] {
  const notes = new Map(map.gapNotes.map((n) => [gapKey(n.kind, n.fromTouchpointId, n.toTouchpointId), n]));
  const gaps: Gap[] = [];
  for (let i = 1; i < map.touchpoints.length; i++) {
    const a = map.touchpoints[i - 1];
    const b = map.touchpoints[i];
    for (const kind of GAP_KINDS) {
      const from = a[kind].trim();
      const to = b[kind].trim();
      if (!from || !to || compareKey(kind, from, normalise) === compareKey(kind, to, normalise)) continue;
      const note = notes.get(gapKey(kind, a.id, b.id));
      gaps.push({ fromTouchpointId: a.id, toTouchpointId: b.id, kind, fromValue: from, toValue: to, handled: note?.handled ?? false, note: note?.note ?? "" });
    }
  }
  return gaps;
}


/** Maps a channel, device or department value to the key gaps compare it by. */
export type GapNormaliser = (kind: GapKind, value: string) => string;

function compareKey(kind: GapKind, value: string, normalise?: GapNormaliser): string {
  return (normalise ? normalise(kind, value) : value).trim().toLowerCase();
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
