// Proposes which map field each column of an imported table fills, from its header: the export's
// field names, the editor's English and German labels (lib/export/touchpoint-columns.ts) and common
// spreadsheet wordings. Unknown columns with content become a new custom lane, so nothing typed in
// a workshop is dropped silently; the user can change every choice before importing.
import { z } from "zod";
import { COLUMN_LABELS, TOUCHPOINT_COLUMNS, type TouchpointColumn } from "@/lib/export/touchpoint-columns";

export const IMPORT_TARGETS = [...TOUCHPOINT_COLUMNS, "lane", "ignore"] as const;
export type ImportTarget = (typeof IMPORT_TARGETS)[number];
export const ZColumnMapping = z.array(z.enum(IMPORT_TARGETS)).max(500);

/** Headers are compared lower-case, without accents, spaces or punctuation ("Gerät" = "gerat"). */
export function normalizeHeader(header: string): string {
  return header.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/ß/g, "ss").toLowerCase().replace(/&/g, "and").replace(/[^a-z0-9]+/g, "");
}

const SYNONYMS: Record<TouchpointColumn, string[]> = {
  stage: ["stage", "phase", "stufe", "journeyphase", "journeystage", "lifecyclestage", "abschnitt", "etappe"],
  title: ["title", "touchpoint", "name", "titel", "touchpointtitle", "touchpointname", "kontaktpunkt", "beruhrungspunkt"],
  channel: ["channel", "kanal", "medium"],
  device: ["device", "gerat", "endgerat"],
  department: ["department", "ownerdepartment", "abteilung", "verantwortlicheabteilung", "team", "bereich"],
  owner: ["owner", "responsibleperson", "responsible", "verantwortlich", "verantwortlicheperson", "verantwortliche", "zustandig"],
  activity: ["activity", "keyactivity", "customeractivity", "aktivitat", "tatigkeit", "handlung"],
  goal: ["goal", "customergoal", "ziel", "zielderkundschaft", "kundenziel"],
  informationNeeded: ["informationneeded", "information", "benotigteinformationen", "informationsbedarf", "infobedarf"],
  thoughts: ["thoughts", "thoughtsandfeelings", "gedanken", "gedankenundgefuhle", "feelings", "quote", "zitat"],
  emotion: ["emotion", "emotionscore", "score", "rating", "bewertung", "stimmung", "sentiment", "gefuhl", "feeling"],
  momentOfTruth: ["momentoftruth", "mot", "momentderwahrheit", "wahrheitsmoment"],
  painPoints: ["painpoints", "painpoint", "pains", "schmerzpunkte", "probleme", "problems", "frustrations"],
  opportunities: ["opportunities", "opportunity", "verbesserungsideen", "ideas", "ideen", "optimierungspotenzial", "optimierungspotential", "chancen", "massnahmen"],
  systems: ["systems", "system", "systeme", "tools"],
  kpis: ["kpis", "kpi", "kennzahlen", "metrics", "metriken"],
  evidence: ["evidence", "belege", "beleg", "quellen", "data"],
  momentOfTruthKind: ["momentoftruthkind", "wowfrustration", "wowfrust", "motkind", "artdesmomentoftruth"],
  priority: ["priority", "prioritat", "prio"],
  superfluous: ["superfluous", "uberflussig", "unnecessary", "unnotig", "removable"],
  timeToNext: ["timetonext", "timetonexttouchpoint", "zeitbiszumnachsten", "zeitbiszumnachstentouchpoint", "wartezeit"],
};

const IGNORED = new Set(["id", "nr", "no", "number", "nummer", "touchpointid", "stageid", "row", "zeile", "index"]);

const LOOKUP = (() => {
  const map = new Map<string, TouchpointColumn>();
  for (const c of TOUCHPOINT_COLUMNS) {
    for (const name of [c, COLUMN_LABELS[c].en, COLUMN_LABELS[c].de, ...SYNONYMS[c]]) {
      const key = normalizeHeader(name);
      if (!map.has(key)) map.set(key, c);
    }
  }
  return map;
})();

/** One proposal per header; each field is proposed for at most one column (the first). */
export function proposeMapping(headers: string[], rows: string[][] = []): ImportTarget[] {
  const used = new Set<TouchpointColumn>();
  return headers.map((header, i) => {
    const key = normalizeHeader(header);
    const field = LOOKUP.get(key);
    if (field && !used.has(field)) {
      used.add(field);
      return field;
    }
    if (!key || IGNORED.has(key) || field) return "ignore";
    return rows.some((r) => (r[i] ?? "").trim()) ? "lane" : "ignore";
  });
}

/** The text fields of the multipart import request (beside `file`). */
export const ZImportFields = z.object({
  title: z.string().max(300).optional(),
  mapping: z
    .string()
    .max(20_000)
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      try {
        return ZColumnMapping.parse(JSON.parse(v));
      } catch {
        ctx.addIssue({ code: "custom", message: "mapping must be a JSON array of field names" });
        return z.NEVER;
      }
    }),
});
