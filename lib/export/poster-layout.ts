// The poster layout of a map, computed once as positioned drawing items (rectangles, lines, paths,
// circles, pre-wrapped text) and drawn by two back-ends: lib/export/pdf.ts (pdfkit, text stays
// text) and lib/export/svg.ts (→ PNG through resvg). One layout, so PDF and PNG always agree.
//
// A page: header (title, state, personas, outcome; date and author), the grid (stage band, title
// row with moments of truth, gap markers between columns, one row per chosen lane — the emotion
// curve as vector paths), and a legend. Wide maps split across pages ("split"), every page
// repeating the header, lane labels and the stage names of its columns; or one long page ("single").
import { computeGaps, kpiOnTarget, type GapKind, type MapData, type Touchpoint } from "@/lib/maps/map-document";
import { FONT_ASCENT } from "./fonts";
import { getMeasure, wrapText, type Measure } from "./measure-text";
import { POSTER_LANES, type PosterLaneKey } from "./poster-lanes";

export type Paper = "a3" | "a2";
export type Pagination = "split" | "single";
export const PAPERS: Record<Paper, { width: number; height: number }> = {
  // ISO 216 landscape, in PDF points (1/72 inch).
  a3: { width: 1190.55, height: 841.89 },
  a2: { width: 1683.78, height: 1190.55 },
};

export { POSTER_LANES, type PosterLaneKey };

export type PosterLabels = {
  lanes: Record<(typeof POSTER_LANES)[number], string>;
  states: { current: string; future: string };
  personas: string;
  outcome: string;
  exported: string; // "Exported {date} by {author}"
  page: string; // "Page {n} of {total}"
  continued: string;
  untitledStage: string;
  untitledTouchpoint: string;
  gapKinds: Record<GapKind, string>;
  legend: { emotion: string; notRated: string; momentOfTruth: string; gapOpen: string; gapHandled: string; kpiOn: string; kpiOff: string };
};

export type PosterOptions = {
  paper: Paper;
  pagination: Pagination;
  /** Lanes to draw, in order; default: every built-in and custom lane that has content. */
  lanes?: PosterLaneKey[];
  labels: PosterLabels;
  locale: string;
  generatedAt: Date;
  author: string;
  personaNames: string[];
};

export type TextItem = { t: "text"; x: number; y: number; lines: string[]; size: number; lineHeight: number; color: string; bold?: boolean; anchor?: "start" | "middle" | "end" };
export type Item =
  | { t: "rect"; x: number; y: number; w: number; h: number; fill?: string; stroke?: string; lineWidth?: number; r?: number }
  | { t: "line"; x1: number; y1: number; x2: number; y2: number; stroke: string; lineWidth: number; dash?: number[] }
  | { t: "path"; d: string; stroke?: string; fill?: string; lineWidth?: number }
  | { t: "circle"; cx: number; cy: number; r: number; fill: string; stroke?: string; lineWidth?: number }
  | TextItem;
export type PosterPage = { width: number; height: number; items: Item[] };

export const EMOTION_COLORS: Record<number, string> = {
  [-3]: "#b91c1c", [-2]: "#dc2626", [-1]: "#f87171", 0: "#9ca3af", 1: "#86efac", 2: "#22c55e", 3: "#15803d",
};
const INK = "#0f172a";
const MUTED = "#475569";
const GRID = "#cbd5e1";
const GAP_OPEN = "#ea580c";
const GAP_HANDLED = "#94a3b8";
const MOT = "#7c3aed";

const M = 24; // page margin
const HEADER_H = 58;
const LEGEND_H = 26;
const LABEL_W = 92;
const COL_W = 112;
const STAGE_H = 20;
const TITLE_H = 38;
const GAPS_H = 14;
const EMOTION_H = 86;
const SCALAR_H = 18;
const MIN_TEXT_H = 26;
const PAD = 4;
const FS = 6.5; // cell text size
const LH = 8; // cell line height

type Column = { stageId: string; tp: Touchpoint | null; journeyIndex: number };

function columnsOf(map: MapData): Column[] {
  const index = new Map(map.touchpoints.map((t, i) => [t.id, i]));
  const cols: Column[] = [];
  for (const stage of map.stages) {
    const ids = stage.touchpointIds.filter((id) => index.has(id));
    if (!ids.length) cols.push({ stageId: stage.id, tp: null, journeyIndex: -1 });
    for (const id of ids) cols.push({ stageId: stage.id, tp: map.touchpoints[index.get(id)!], journeyIndex: index.get(id)! });
  }
  return cols;
}

function laneHasContent(map: MapData, key: PosterLaneKey): boolean {
  const tps = map.touchpoints;
  if (key.startsWith("lane:")) return tps.some((t) => (t.laneValues[key.slice(5)] ?? "").trim());
  switch (key) {
    case "emotion": return true;
    case "painPoints": case "opportunities": case "systems": case "kpis": case "evidence":
      return tps.some((t) => t[key].length > 0);
    case "department": return tps.some((t) => t.department.trim() || t.owner.trim());
    default: return tps.some((t) => String(t[key as keyof Touchpoint] ?? "").trim());
  }
}

/** The lanes drawn by default: every lane with content (the emotion curve always). */
export function defaultPosterLanes(map: MapData): PosterLaneKey[] {
  const all: PosterLaneKey[] = [...POSTER_LANES, ...map.lanes.map((l) => `lane:${l.id}` as const)];
  return all.filter((k) => laneHasContent(map, k));
}

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ""));

function cellLines(tp: Touchpoint, key: PosterLaneKey, labels: PosterLabels): { text: string; color?: string }[] {
  if (key.startsWith("lane:")) return [{ text: tp.laneValues[key.slice(5)] ?? "" }];
  switch (key) {
    case "painPoints": return tp.painPoints.map((p) => ({ text: `• ${p.text}` }));
    case "opportunities": return tp.opportunities.map((o) => ({ text: `• ${o.text}${o.owner ? ` (${o.owner})` : ""}` }));
    case "systems": return [{ text: tp.systems.join(", ") }];
    case "department": return [{ text: [tp.department, tp.owner].filter(Boolean).join(" · ") }];
    case "evidence": return tp.evidence.map((e) => ({ text: `${e.kind === "quantitative" ? "#" : "“"} ${e.text}${e.source ? ` (${e.source})` : ""}` }));
    case "kpis":
      return tp.kpis.map((k) => {
        const on = kpiOnTarget(k);
        const mark = on === null ? "" : on ? ` ✓ ${labels.legend.kpiOn}` : ` ✗ ${labels.legend.kpiOff}`;
        const values = k.actual !== null || k.target !== null ? `: ${k.actual ?? "–"} / ${k.target ?? "–"}${k.unit ? ` ${k.unit}` : ""}` : "";
        return { text: `${k.name}${values}${mark}`, color: on === null ? undefined : on ? "#15803d" : "#b91c1c" };
      });
    default: return [{ text: String(tp[key as keyof Touchpoint] ?? "") }];
  }
}

const signed = (e: number) => (e > 0 ? `+${e}` : String(e));

/** Lays the map out as pages of drawing items. */
export function layoutPoster(map: MapData, options: PosterOptions, measure: Measure = getMeasure()): PosterPage[] {
  const { labels } = options;
  const paper = PAPERS[options.paper];
  const lanes = options.lanes ?? defaultPosterLanes(map);
  const columns = columnsOf(map);
  const stageName = new Map(map.stages.map((s) => [s.id, s.name || labels.untitledStage]));
  const colOf = new Map<string, number>();
  columns.forEach((c, i) => c.tp && colOf.set(c.tp.id, i));

  // Lane heights: fixed for short lanes and the curve; text lanes share the rest of the page.
  const gridTop = M + HEADER_H;
  const gridBottom = paper.height - M - LEGEND_H;
  const lanesTop = gridTop + STAGE_H + TITLE_H + GAPS_H;
  const fixed = lanes.reduce((s, k) => s + (k === "emotion" ? EMOTION_H : k === "channel" || k === "device" ? SCALAR_H : 0), 0);
  const textLanes = lanes.filter((k) => k !== "emotion" && k !== "channel" && k !== "device");
  const share = textLanes.length ? Math.max(MIN_TEXT_H, (gridBottom - lanesTop - fixed) / textLanes.length) : 0;
  const rows: { key: PosterLaneKey; top: number; height: number }[] = [];
  let y = lanesTop;
  for (const key of lanes) {
    const h = key === "emotion" ? EMOTION_H : key === "channel" || key === "device" ? SCALAR_H : share;
    rows.push({ key, top: y, height: h });
    y += h;
  }
  const contentBottom = Math.max(y, gridBottom);
  const pageHeight = Math.max(paper.height, contentBottom + LEGEND_H + M);

  // Columns per page.
  const perPage = options.pagination === "split" ? Math.max(1, Math.floor((paper.width - 2 * M - LABEL_W) / COL_W)) : Math.max(1, columns.length);
  const chunks: number[][] = [];
  for (let i = 0; i < Math.max(columns.length, 1); i += perPage) chunks.push(Array.from({ length: Math.min(perPage, columns.length - i) }, (_, k) => i + k));
  if (!columns.length) chunks[0] = [];

  const gaps = computeGaps(map);
  const dateText = new Intl.DateTimeFormat(options.locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" }).format(options.generatedAt) + " UTC";

  return chunks.map((cols, pageIndex) => {
    const width = options.pagination === "split" ? paper.width : Math.max(paper.width, 2 * M + LABEL_W + cols.length * COL_W);
    const items: Item[] = [];
    const text = (x: number, yTop: number, lines: string[], size: number, extra: Partial<TextItem> = {}) => {
      if (lines.length) items.push({ t: "text", x, y: yTop, lines, size, lineHeight: extra.lineHeight ?? size * 1.25, color: extra.color ?? INK, bold: extra.bold, anchor: extra.anchor });
    };
    const colX = (k: number) => M + LABEL_W + k * COL_W; // k = position on this page
    const gridRight = colX(cols.length);

    // Header.
    const metaRight = wrapText(measure, fill(labels.exported, { date: dateText, author: options.author }), 320, 7.5, 2);
    text(width - M, M, metaRight, 7.5, { color: MUTED, anchor: "end" });
    text(M, M, wrapText(measure, map.title, width - 2 * M - 340, 16, 1, true), 16, { bold: true });
    const parts = [labels.states[map.state]];
    if (options.personaNames.length) parts.push(`${labels.personas}: ${options.personaNames.join(", ")}`);
    text(M, M + 22, wrapText(measure, parts.join("  ·  "), width - 2 * M, 8.5, 1), 8.5, { color: MUTED });
    if (map.outcome.trim()) text(M, M + 35, wrapText(measure, `${labels.outcome}: ${map.outcome}`, width - 2 * M, 8, 2), 8, { color: MUTED });

    // Lane labels and row backgrounds.
    items.push({ t: "rect", x: M, y: gridTop, w: gridRight - M, h: contentBottom - gridTop, stroke: GRID, lineWidth: 0.5 });
    for (const row of rows) {
      items.push({ t: "line", x1: M, y1: row.top, x2: gridRight, y2: row.top, stroke: GRID, lineWidth: 0.5 });
      const name = row.key.startsWith("lane:") ? map.lanes.find((l) => `lane:${l.id}` === row.key)?.name ?? "" : labels.lanes[row.key as (typeof POSTER_LANES)[number]];
      text(M + PAD, row.top + PAD, wrapText(measure, name, LABEL_W - 2 * PAD, 7, Math.max(1, Math.floor((row.height - PAD) / 9)), true), 7, { bold: true, color: MUTED, lineHeight: 9 });
    }
    items.push({ t: "line", x1: M + LABEL_W, y1: gridTop, x2: M + LABEL_W, y2: contentBottom, stroke: GRID, lineWidth: 0.5 });

    // Stage band: one box per run of a stage on this page ("(cont.)" when it began on an earlier page).
    let k = 0;
    while (k < cols.length) {
      const stageId = columns[cols[k]].stageId;
      let end = k;
      while (end + 1 < cols.length && columns[cols[end + 1]].stageId === stageId) end++;
      const continued = cols[k] > 0 && columns[cols[k] - 1].stageId === stageId;
      const x = colX(k);
      const w = (end - k + 1) * COL_W;
      items.push({ t: "rect", x, y: gridTop, w, h: STAGE_H, fill: "#e2e8f0", stroke: "#ffffff", lineWidth: 1 });
      text(x + PAD, gridTop + 6, wrapText(measure, `${stageName.get(stageId) ?? ""}${continued ? ` ${labels.continued}` : ""}`, w - 2 * PAD, 8.5, 1, true), 8.5, { bold: true });
      if (k > 0) items.push({ t: "line", x1: x, y1: gridTop, x2: x, y2: contentBottom, stroke: "#94a3b8", lineWidth: 1 });
      k = end + 1;
    }

    // Columns: title (★ for a moment of truth) and lane cells.
    cols.forEach((ci, kk) => {
      const col = columns[ci];
      const x = colX(kk);
      if (kk > 0) items.push({ t: "line", x1: x, y1: gridTop + STAGE_H, x2: x, y2: contentBottom, stroke: GRID, lineWidth: 0.4 });
      if (!col.tp) return;
      const tp = col.tp;
      const title = tp.title || labels.untitledTouchpoint;
      if (tp.momentOfTruth) {
        items.push({ t: "path", d: star(x + PAD + 4, gridTop + STAGE_H + PAD + 4, 4.2), fill: MOT });
        text(x + PAD + 11, gridTop + STAGE_H + PAD, wrapText(measure, title, COL_W - 2 * PAD - 11, 7.5, 3, true), 7.5, { bold: true, lineHeight: 9.5 });
      } else {
        text(x + PAD, gridTop + STAGE_H + PAD, wrapText(measure, title, COL_W - 2 * PAD, 7.5, 3, true), 7.5, { bold: true, lineHeight: 9.5 });
      }
      for (const row of rows) {
        if (row.key === "emotion") continue;
        const maxLines = Math.max(1, Math.floor((row.height - 2 * PAD + (LH - FS)) / LH));
        let line = 0;
        let yy = row.top + PAD;
        for (const part of cellLines(tp, row.key, labels)) {
          if (line >= maxLines) break;
          const wrapped = wrapText(measure, part.text, COL_W - 2 * PAD, FS, maxLines - line);
          if (!wrapped.length) continue;
          text(x + PAD, yy, wrapped, FS, { lineHeight: LH, color: part.color ?? INK });
          line += wrapped.length;
          yy += wrapped.length * LH;
        }
      }
    });

    // Gap markers between consecutive touchpoints on this page (open: orange, handled: grey).
    const gapY = gridTop + STAGE_H + TITLE_H + GAPS_H / 2;
    const byPair = new Map<string, typeof gaps>();
    for (const g of gaps) {
      const key = `${g.fromTouchpointId}|${g.toTouchpointId}`;
      byPair.set(key, [...(byPair.get(key) ?? []), g]);
    }
    for (const [key, list] of byPair) {
      const [from, to] = key.split("|");
      const a = cols.indexOf(colOf.get(from) ?? -1);
      const b = cols.indexOf(colOf.get(to) ?? -1);
      if (b < 0 || (a < 0 && b !== 0)) continue; // pair not (fully) on this page; the first column shows one from the previous page
      const x = colX(b);
      const open = list.some((g) => !g.handled);
      items.push({ t: "path", d: diamond(x, gapY, 4.5), fill: open ? GAP_OPEN : GAP_HANDLED });
      text(x + 6, gapY - 3, [list.map((g) => labels.gapKinds[g.kind]).join(" · ")], 5.5, { color: open ? GAP_OPEN : MUTED });
    }

    // Emotion curve: a zero line, a path through every rated touchpoint in journey order, points
    // coloured by emotion with their value, moments of truth as larger violet diamonds.
    const emo = rows.find((r) => r.key === "emotion");
    if (emo) {
      const top = emo.top + 10;
      const h = emo.height - 20;
      const yOf = (e: number) => top + ((3 - e) / 6) * h;
      items.push({ t: "line", x1: M + LABEL_W, y1: yOf(0), x2: gridRight, y2: yOf(0), stroke: "#94a3b8", lineWidth: 0.5, dash: [2, 2] });
      text(M + LABEL_W - 3, yOf(3) - 3, ["+3"], 5.5, { anchor: "end", color: MUTED });
      text(M + LABEL_W - 3, yOf(0) - 3, ["0"], 5.5, { anchor: "end", color: MUTED });
      text(M + LABEL_W - 3, yOf(-3) - 3, ["−3"], 5.5, { anchor: "end", color: MUTED });
      const first = cols[0] ?? 0;
      const last = cols[cols.length - 1] ?? -1;
      const rated = columns.map((c, i) => ({ i, e: c.tp?.emotion ?? null, mot: c.tp?.momentOfTruth ?? false })).filter((p): p is { i: number; e: number; mot: boolean } => p.e !== null);
      const cx = (i: number) => colX(i - first) + COL_W / 2;
      const segments: string[] = [];
      for (let r = 1; r < rated.length; r++) {
        const p = rated[r - 1];
        const q = rated[r];
        if (q.i < first || p.i > last) continue;
        // Clip a segment that enters or leaves the page at the grid's edge.
        let x1 = cx(p.i), y1 = yOf(p.e), x2 = cx(q.i), y2 = yOf(q.e);
        const left = M + LABEL_W, right = gridRight;
        if (x1 < left) { y1 = y1 + ((left - x1) / (x2 - x1)) * (y2 - y1); x1 = left; }
        if (x2 > right) { y2 = y1 + ((right - x1) / (x2 - x1)) * (y2 - y1); x2 = right; }
        segments.push(`M${x1.toFixed(2)} ${y1.toFixed(2)} L${x2.toFixed(2)} ${y2.toFixed(2)}`);
      }
      if (segments.length) items.push({ t: "path", d: segments.join(" "), stroke: "#334155", lineWidth: 1.2 });
      for (const p of rated) {
        if (p.i < first || p.i > last) continue;
        const x = cx(p.i), yy = yOf(p.e);
        if (p.mot) items.push({ t: "path", d: diamond(x, yy, 6), fill: EMOTION_COLORS[p.e], stroke: MOT });
        else items.push({ t: "circle", cx: x, cy: yy, r: 3.6, fill: EMOTION_COLORS[p.e], stroke: "#ffffff", lineWidth: 0.8 });
        text(x + 6.5, yy - 3.2, [signed(p.e)], 6, { bold: true, color: INK });
      }
      for (const ci of cols) {
        const c = columns[ci];
        if (c.tp && c.tp.emotion === null) text(cx(ci), yOf(0) + 3, ["–"], 6, { anchor: "middle", color: MUTED });
      }
    }

    // Legend and page number.
    const ly = pageHeight - M - LEGEND_H + 10;
    let lx = M;
    text(lx, ly, [labels.legend.emotion], 7, { bold: true, color: MUTED });
    lx += measure(labels.legend.emotion, 7, true) + 8;
    for (let e = -3; e <= 3; e++) {
      items.push({ t: "circle", cx: lx + 3.5, cy: ly + 3.5, r: 3.5, fill: EMOTION_COLORS[e] });
      text(lx + 9, ly, [signed(e)], 7, { color: MUTED });
      lx += 26;
    }
    const icons: [(x: number) => Item, string][] = [
      [(x) => ({ t: "path", d: star(x, ly + 3.5, 4.2), fill: MOT }), labels.legend.momentOfTruth],
      [(x) => ({ t: "path", d: diamond(x, ly + 3.5, 4.5), fill: GAP_OPEN }), labels.legend.gapOpen],
      [(x) => ({ t: "path", d: diamond(x, ly + 3.5, 4.5), fill: GAP_HANDLED }), labels.legend.gapHandled],
    ];
    for (const [icon, label] of icons) {
      items.push(icon(lx + 8));
      text(lx + 15, ly, [label], 7, { color: MUTED });
      lx += measure(label, 7) + 30;
    }
    text(lx + 4, ly, [`✓ ${labels.legend.kpiOn}   ✗ ${labels.legend.kpiOff}   – ${labels.legend.notRated}`], 7, { color: MUTED });
    if (chunks.length > 1) text(width - M, ly, [fill(labels.page, { n: pageIndex + 1, total: chunks.length })], 7, { anchor: "end", color: MUTED });

    return { width, height: pageHeight, items };
  });
}

function diamond(x: number, y: number, r: number): string {
  return `M${x.toFixed(2)} ${(y - r).toFixed(2)} L${(x + r).toFixed(2)} ${y.toFixed(2)} L${x.toFixed(2)} ${(y + r).toFixed(2)} L${(x - r).toFixed(2)} ${y.toFixed(2)} Z`;
}

function star(x: number, y: number, r: number): string {
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 ? r * 0.45 : r;
    pts.push(`${(x + rr * Math.cos(a)).toFixed(2)} ${(y + rr * Math.sin(a)).toFixed(2)}`);
  }
  return `M${pts.join(" L")} Z`;
}

/** Baseline of line `i` of a text item (its `y` is the top of the first line). */
export function baselineOf(item: TextItem, i: number): number {
  return item.y + item.size * FONT_ASCENT + i * item.lineHeight;
}
