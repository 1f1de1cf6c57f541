// Stakeholder map as a PDF (A3 landscape): the customer at the centre, the three rings, every
// stakeholder on its ring with its name and type, relationships as arrows labelled with what is
// provided, and a legend — beside the editor's SVG/PNG export, drawn with the shared PDF back-end.
// Ring radii follow the editor's 1000×1000 drawing (components/stakeholder/geometry.ts).
import type { Locale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";
import { CUSTOMER, PROVIDES, RINGS, type Provides, type Ring, type StakeholderMapData } from "@/lib/stakeholders/stakeholder-document";
import { getMeasure, wrapText } from "./measure-text";
import { drawPdf } from "./pdf";
import type { Item, PosterPage, TextItem } from "./poster-layout";

const A3 = { width: 1190.55, height: 841.89 };
const M = 28;
const RING_RADIUS: Record<Ring, number> = { direct: 195, indirect: 320, environment: 445 };
const RING_OUTER: Record<Ring, number> = { direct: 258, indirect: 383, environment: 500 };
const PROVIDES_COLOR: Record<Provides, string> = { information: "#2563eb", money: "#16a34a", service: "#9333ea", product: "#ea580c", trust: "#db2777", other: "#64748b" };

type Tree = Record<string, unknown>;
const at = (tree: Tree, path: string): string => {
  const v = path.split(".").reduce<unknown>((n, k) => (n && typeof n === "object" ? (n as Tree)[k] : undefined), tree);
  return typeof v === "string" ? v : path.split(".").pop()!;
};

export function layoutStakeholderMap(data: StakeholderMapData, options: { locale: Locale; author: string; generatedAt: Date }): PosterPage {
  const m = loadMessages(options.locale) as Tree;
  const measure = getMeasure();
  const items: Item[] = [];
  const text = (x: number, y: number, lines: string[], size: number, extra: Partial<TextItem> = {}) => {
    if (lines.length) items.push({ t: "text", x, y, lines, size, lineHeight: extra.lineHeight ?? size * 1.25, color: extra.color ?? "#0f172a", bold: extra.bold, anchor: extra.anchor });
  };
  text(M, M, wrapText(measure, data.title, 700, 18, 1, true), 18, { bold: true });
  const date = new Intl.DateTimeFormat(options.locale === "de" ? "de-DE" : "en-GB", { dateStyle: "long", timeZone: "UTC" }).format(options.generatedAt);
  text(A3.width - M, M, [date, options.author].filter(Boolean), 8, { anchor: "end", color: "#475569" });

  // The drawing: 1000×1000 units scaled into a square below the title.
  const size = A3.height - 2 * M - 34;
  const k = size / 1000;
  const ox = M, oy = M + 34;
  const P = (x: number, y: number) => ({ x: ox + x * k, y: oy + y * k });
  const c = P(500, 500);
  for (const ring of [...RINGS].reverse()) {
    items.push({ t: "circle", cx: c.x, cy: c.y, r: RING_OUTER[ring] * k, fill: ring === "direct" ? "#eef2ff" : ring === "indirect" ? "#f8fafc" : "#ffffff", stroke: "#cbd5e1", lineWidth: 0.6 });
    text(c.x, c.y - RING_OUTER[ring] * k + 4, [at(m, `stakeholders.rings.${ring}`)], 7, { anchor: "middle", color: "#64748b" });
  }
  const pos = new Map<string, { x: number; y: number }>([[CUSTOMER, c]]);
  for (const s of data.stakeholders) {
    const a = (s.angle * Math.PI) / 180;
    pos.set(s.id, P(500 + RING_RADIUS[s.ring] * Math.sin(a), 500 - RING_RADIUS[s.ring] * Math.cos(a)));
  }
  // Relationships under the nodes: a line with an arrow head at the receiving end, label at the middle.
  for (const r of data.relationships) {
    const a = pos.get(r.from), b = pos.get(r.to);
    if (!a || !b) continue;
    const color = PROVIDES_COLOR[r.provides];
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const ux = (b.x - a.x) / len, uy = (b.y - a.y) / len;
    const rA = (r.from === CUSTOMER ? 78 : 24) * k, rB = (r.to === CUSTOMER ? 78 : 24) * k;
    const s = { x: a.x + ux * rA, y: a.y + uy * rA }, e = { x: b.x - ux * rB, y: b.y - uy * rB };
    items.push({ t: "line", x1: s.x, y1: s.y, x2: e.x, y2: e.y, stroke: color, lineWidth: 1 });
    const head = (p: { x: number; y: number }, dx: number, dy: number) =>
      items.push({ t: "path", d: `M${p.x.toFixed(2)} ${p.y.toFixed(2)} L${(p.x - dx * 7 - dy * 3.5).toFixed(2)} ${(p.y - dy * 7 + dx * 3.5).toFixed(2)} L${(p.x - dx * 7 + dy * 3.5).toFixed(2)} ${(p.y - dy * 7 - dx * 3.5).toFixed(2)} Z`, fill: color });
    head(e, ux, uy);
    if (r.direction === "both") head(s, -ux, -uy);
    const label = r.label || at(m, `stakeholders.provides.${r.provides}`);
    text((s.x + e.x) / 2, (s.y + e.y) / 2 - 8, wrapText(measure, label, 110, 6.5, 2), 6.5, { anchor: "middle", color });
  }
  items.push({ t: "circle", cx: c.x, cy: c.y, r: 78 * k, fill: "#4338ca" });
  text(c.x, c.y - 6, [at(m, "stakeholders.customer")], 11, { anchor: "middle", bold: true, color: "#ffffff" });
  for (const s of data.stakeholders) {
    const p = pos.get(s.id)!;
    const r = (18 + Math.min(3, Math.abs(s.influence)) * 2) * k;
    items.push({ t: "circle", cx: p.x, cy: p.y, r, fill: "#ffffff", stroke: "#334155", lineWidth: 1 });
    text(p.x, p.y - 4, [at(m, `stakeholders.types.${s.type}`).slice(0, 1)], 8, { anchor: "middle", bold: true, color: "#334155" });
    text(p.x, p.y + r + 2, wrapText(measure, s.name, 120, 7.5, 2, true), 7.5, { anchor: "middle", bold: true });
  }

  // Legend and the list of stakeholders on the right.
  let y = oy;
  const lx = ox + size + 30;
  text(lx, y, [at(m, "stakeholders.title")], 10, { bold: true });
  y += 16;
  for (const s of data.stakeholders.slice(0, 60)) {
    const line = `${s.name} — ${at(m, `stakeholders.types.${s.type}`)}, ${at(m, `stakeholders.rings.${s.ring}`)}${s.department ? `, ${s.department}` : ""}`;
    const wrapped = wrapText(measure, line, A3.width - M - lx, 7.5, 2);
    text(lx, y, wrapped, 7.5, { lineHeight: 9.5 });
    y += wrapped.length * 9.5 + 2;
    if (y > A3.height - M - 90) break;
  }
  y = A3.height - M - 70;
  for (const [i, p] of PROVIDES.entries()) {
    const x = lx + (i % 3) * 120, yy = y + Math.floor(i / 3) * 14;
    items.push({ t: "line", x1: x, y1: yy + 4, x2: x + 16, y2: yy + 4, stroke: PROVIDES_COLOR[p], lineWidth: 2 });
    text(x + 20, yy, [at(m, `stakeholders.provides.${p}`)], 7.5, { color: "#334155" });
  }
  return { width: A3.width, height: A3.height, items };
}

export function renderStakeholderPdf(data: StakeholderMapData, options: { locale: Locale; author: string; generatedAt: Date }): Promise<Buffer> {
  return drawPdf([layoutStakeholderMap(data, options)], { title: data.title, author: options.author, createdAt: options.generatedAt });
}
