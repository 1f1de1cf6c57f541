// Pure geometry of the stakeholder map: rings around the customer in a 1000×1000 view box,
// positions from (ring, angle), the ring under a pointer, curved arrows between nodes.
import type { Relationship, Ring, Stakeholder } from "@/lib/stakeholders/stakeholder-document";

export const SIZE = 1000;
export const CENTER = SIZE / 2;
export const CUSTOMER_RADIUS = 78;
export const NODE_RADIUS = 24;
/** Where stakeholders of each ring sit. */
export const RING_RADIUS: Record<Ring, number> = { direct: 195, indirect: 320, environment: 445 };
/** Outer edge of each ring's band (the band is where a dropped stakeholder lands on that ring). */
export const RING_OUTER: Record<Ring, number> = { direct: 258, indirect: 383, environment: 500 };
export const RING_ORDER: Ring[] = ["direct", "indirect", "environment"];

export type Point = { x: number; y: number };

/** Position of a stakeholder: angle in degrees clockwise from the top. */
export function positionOf(ring: Ring, angle: number): Point {
  const r = RING_RADIUS[ring];
  const a = (angle * Math.PI) / 180;
  return { x: round(CENTER + r * Math.sin(a)), y: round(CENTER - r * Math.cos(a)) };
}

/** Ring and angle under a point of the view box (the customer's disc counts as the direct ring). */
export function placeAt(p: Point): { ring: Ring; angle: number } {
  const dx = p.x - CENTER;
  const dy = p.y - CENTER;
  const dist = Math.hypot(dx, dy);
  const ring: Ring = dist <= RING_OUTER.direct ? "direct" : dist <= RING_OUTER.indirect ? "indirect" : "environment";
  let angle = (Math.atan2(dx, -dy) * 180) / Math.PI;
  if (angle < 0) angle += 360;
  return { ring, angle: Math.round(angle) % 360 };
}

/** The ring one step in (-1) or out (+1), clamped. */
export function stepRing(ring: Ring, step: -1 | 1): Ring {
  const i = RING_ORDER.indexOf(ring) + step;
  return RING_ORDER[Math.max(0, Math.min(RING_ORDER.length - 1, i))];
}

/** A free angle on a ring: the middle of the widest gap between the stakeholders already there. */
export function freeAngle(stakeholders: Pick<Stakeholder, "ring" | "angle">[], ring: Ring): number {
  const angles = stakeholders.filter((s) => s.ring === ring).map((s) => s.angle).sort((a, b) => a - b);
  if (angles.length === 0) return 0;
  let best = { gap: -1, at: 0 };
  for (let i = 0; i < angles.length; i++) {
    const from = angles[i];
    const to = i + 1 < angles.length ? angles[i + 1] : angles[0] + 360;
    if (to - from > best.gap) best = { gap: to - from, at: (from + (to - from) / 2) % 360 };
  }
  return Math.round(best.at);
}

/** The stakeholder (or "customer") whose node contains the point, or null. */
export function hitTest(p: Point, nodes: { id: string; x: number; y: number }[]): string | null {
  let best: { id: string; d: number } | null = null;
  for (const n of nodes) {
    const d = Math.hypot(p.x - n.x, p.y - n.y);
    if (d <= NODE_RADIUS + 10 && (!best || d < best.d)) best = { id: n.id, d };
  }
  if (best) return best.id;
  return Math.hypot(p.x - CENTER, p.y - CENTER) <= CUSTOMER_RADIUS ? "customer" : null;
}

export type ArrowGeometry = { id: string; path: string; labelAt: Point };

/**
 * Curved paths for relationships. Several relationships between the same two ends fan out so that
 * none hides another; ends stop at the node's edge so the arrowheads stay visible.
 */
export function arrowPaths(relationships: Pick<Relationship, "id" | "from" | "to">[], positions: Map<string, Point>): ArrowGeometry[] {
  const groups = new Map<string, string[]>();
  for (const r of relationships) {
    const key = [r.from, r.to].sort().join("|");
    groups.set(key, [...(groups.get(key) ?? []), r.id]);
  }
  const out: ArrowGeometry[] = [];
  for (const r of relationships) {
    const a = positions.get(r.from);
    const b = positions.get(r.to);
    if (!a || !b) continue;
    const key = [r.from, r.to].sort().join("|");
    const group = groups.get(key)!;
    const index = group.indexOf(r.id);
    // Offsets relative to the pair's canonical direction, so A→B and B→A bend to opposite sides.
    const canonical = r.from < r.to ? 1 : -1;
    const offset = (index - (group.length - 1) / 2) * 46 * canonical;
    const mx = (a.x + b.x) / 2;
    const my = (a.y + b.y) / 2;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    const nx = -dy / len;
    const ny = dx / len;
    const bend = offset + (group.length === 1 ? len * 0.08 : 0);
    const c = { x: mx + nx * bend, y: my + ny * bend };
    const ra = r.from === "customer" ? CUSTOMER_RADIUS : NODE_RADIUS + 3;
    const rb = r.to === "customer" ? CUSTOMER_RADIUS + 4 : NODE_RADIUS + 7;
    const start = towards(a, c, ra);
    const end = towards(b, c, rb);
    out.push({
      id: r.id,
      path: `M ${round(start.x)} ${round(start.y)} Q ${round(c.x)} ${round(c.y)} ${round(end.x)} ${round(end.y)}`,
      labelAt: { x: round(0.25 * start.x + 0.5 * c.x + 0.25 * end.x), y: round(0.25 * start.y + 0.5 * c.y + 0.25 * end.y) },
    });
  }
  return out;
}

function towards(from: Point, to: Point, distance: number): Point {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const len = Math.hypot(dx, dy) || 1;
  return { x: from.x + (dx / len) * distance, y: from.y + (dy / len) * distance };
}

function round(v: number) {
  return Math.round(v * 10) / 10;
}
