// Cell parsers of the import: emotion (numbers or words in English and German), yes/no, lists,
// KPIs and evidence in the text form the export writes (lib/export/touchpoint-columns.ts).
import type { EvidenceKind } from "@/lib/maps/map-document";

const EMOTION_WORDS: Record<string, number> = {
  "very negative": -3, "extremely negative": -3, "sehr negativ": -3, "äußerst negativ": -3,
  negative: -2, negativ: -2,
  "slightly negative": -1, "somewhat negative": -1, "rather negative": -1, "leicht negativ": -1, "eher negativ": -1, "etwas negativ": -1,
  neutral: 0, "neither": 0, "weder noch": 0,
  "slightly positive": 1, "somewhat positive": 1, "rather positive": 1, "leicht positiv": 1, "eher positiv": 1, "etwas positiv": 1,
  positive: 2, positiv: 2,
  "very positive": 3, "extremely positive": 3, "sehr positiv": 3, "äußerst positiv": 3,
};

/** −3…+3, null for an empty cell, undefined when the value is not an emotion. */
export function parseEmotion(raw: string): number | null | undefined {
  const v = raw.trim().toLowerCase().replace(/\s+/g, " ").replace(/[−–]/g, "-");
  if (!v) return null;
  const num = v.match(/^([+-]?)\s*(\d+)(?:[.,]0+)?$/);
  if (num) {
    const n = Number(num[2]) * (num[1] === "-" ? -1 : 1);
    return n >= -3 && n <= 3 ? n : undefined;
  }
  return EMOTION_WORDS[v.replace(/^[("']+|[)"'.!]+$/g, "")];
}

const YES = new Set(["yes", "y", "true", "1", "x", "ja", "j", "wahr", "✓", "✔", "★"]);
const NO = new Set(["no", "n", "false", "0", "nein", "falsch", "-", "–"]);

/** true/false, or undefined when the cell is neither. An empty cell is false. */
export function parseBoolean(raw: string): boolean | undefined {
  const v = raw.trim().toLowerCase();
  if (!v) return false;
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return undefined;
}

/** One item per line; bullets ("•", "-", "*") at the start of a line are dropped. */
export function parseList(raw: string): string[] {
  return raw
    .split("\n")
    .map((s) => s.replace(/^\s*(?:[•*·]|-(?=\s))\s*/, "").trim())
    .filter(Boolean);
}

const num = (s: string | undefined): number | null => {
  if (s === undefined) return null;
  const v = s.trim();
  if (!v || v === "–" || v === "-") return null;
  const n = Number(v.replace(/\s/g, "").replace(",", "."));
  return Number.isFinite(n) ? n : null;
};

/**
 * "NPS: 42 / 50 points", "NPS: / 50", "NPS" → KPI (name up to the last colon that is followed by
 * numbers); a text without numbers is a KPI name. Null only for an empty text.
 */
export function parseKpi(raw: string): { name: string; actual: number | null; target: number | null; unit: string } | null {
  const text = raw.trim();
  if (!text) return null;
  const m = text.match(/^(.+?):\s*(-?\d[\d.,]*|–|-)?\s*(?:\/\s*(-?\d[\d.,]*|–|-)?)?\s*([^:/]*)$/);
  const hasNumbers = m && (num(m[2]) !== null || num(m[3]) !== null || /\//.test(text.slice(m[1].length)));
  if (!m || !hasNumbers) return { name: text, actual: null, target: null, unit: "" };
  return { name: m[1].trim(), actual: num(m[2]), target: num(m[3]), unit: m[4].trim() };
}

/** "qualitative: text (source)" → evidence; without a kind prefix it is qualitative. */
export function parseEvidence(raw: string): { kind: EvidenceKind; text: string; source: string } {
  let text = raw.trim();
  let kind: EvidenceKind = "qualitative";
  const prefix = text.match(/^(quantitative?|qualitative?|quantitativ|qualitativ)\s*:\s*/i);
  if (prefix) {
    kind = prefix[1].toLowerCase().startsWith("quant") ? "quantitative" : "qualitative";
    text = text.slice(prefix[0].length);
  }
  let source = "";
  const src = text.match(/\s\(([^()]*)\)$/);
  if (src) {
    source = src[1].trim();
    text = text.slice(0, src.index).trim();
  }
  return { kind, text, source };
}

// Issue 13 (method): moment-of-truth kind and priority, in English and German.
const MOT_KINDS: Record<string, "wow" | "frustration"> = {
  wow: "wow", positive: "wow", positiv: "wow", delight: "wow", begeisterung: "wow",
  frustration: "frustration", frust: "frustration", negative: "frustration", negativ: "frustration", enttauschung: "frustration",
};
/** "wow" | "frustration", null for an empty cell, undefined when it is neither. */
export function parseMomentOfTruthKind(raw: string): "wow" | "frustration" | null | undefined {
  const v = raw.trim().toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[!.]+$/, "");
  if (!v) return null;
  return MOT_KINDS[v];
}
const PRIORITIES: Record<string, "high" | "medium" | "low"> = {
  high: "high", hoch: "high", h: "high", "1": "high",
  medium: "medium", mittel: "medium", m: "medium", "2": "medium",
  low: "low", niedrig: "low", gering: "low", l: "low", n: "low", "3": "low",
};
/** "high" | "medium" | "low", null for an empty cell, undefined when it is none of them. */
export function parsePriority(raw: string): "high" | "medium" | "low" | null | undefined {
  const v = raw.trim().toLowerCase();
  if (!v) return null;
  return PRIORITIES[v];
}
