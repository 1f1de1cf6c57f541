// The one owner of the `persona:{id}` Yjs document schema (browser-safe: yjs + zod only).
// UI, server projection, REST API and the demo seed read and change personas through here.
//
// Layout: one root Y.Map "persona" holding
//   - collaborative texts (Y.Text): name, segment, quote, age, location, incomeBand, familyStatus,
//     gender, jobTitle, career, evidenceNote
//   - plain values: avatarColor ("#rrggbb"), evidenceDate ("YYYY-MM-DD" or "")
//   - lists (Y.Array<Y.Text>): goals, values, painPoints, concerns, informationSources, channels,
//     contentFormats, purchases, competitors (how the persona deals with competitors: whom they
//     compare us with, what makes them switch; added later — older documents read it as empty)
import * as Y from "yjs";
import { z } from "zod";
import { readString, setText, textOf } from "./y-text";

export const PERSONA_FORMAT = "journeyboard.persona/v1";
const ROOT = "persona";

/** Length caps of each text field (characters). */
export const PERSONA_TEXT_LIMITS = {
  name: 120,
  segment: 120,
  quote: 500,
  age: 60,
  location: 120,
  incomeBand: 120,
  familyStatus: 120,
  gender: 60,
  jobTitle: 200,
  career: 2000,
  evidenceNote: 4000,
} as const;
export type PersonaTextField = keyof typeof PERSONA_TEXT_LIMITS;
export const PERSONA_TEXT_FIELDS = Object.keys(PERSONA_TEXT_LIMITS) as PersonaTextField[];

export const PERSONA_LISTS = [
  "goals",
  "values",
  "painPoints",
  "concerns",
  "informationSources",
  "channels",
  "contentFormats",
  "purchases",
  "competitors",
] as const;
export type PersonaList = (typeof PERSONA_LISTS)[number];
/** At most this many entries per list, each at most LIST_ITEM_MAX characters. */
export const LIST_MAX_ITEMS = 30;
export const LIST_ITEM_MAX = 500;

/** Avatar colours offered in the editor (any #rrggbb is accepted). */
export const AVATAR_COLORS = ["#6366f1", "#db2777", "#ea580c", "#0891b2", "#16a34a", "#7c3aed", "#ca8a04", "#475569"] as const;

const ZColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, "expected a colour like #6366f1");
const ZDate = z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date like 2026-03-14")]);
const text = (max: number) => z.string().max(max, `at most ${max} characters`);
const ZList = z
  .array(z.string().max(LIST_ITEM_MAX, `each entry at most ${LIST_ITEM_MAX} characters`))
  .max(LIST_MAX_ITEMS, `at most ${LIST_MAX_ITEMS} entries`);

/** The persona export format `journeyboard.persona/v1` (extra fields are ignored). */
export const ZPersonaExport = z.object({
  format: z.literal(PERSONA_FORMAT),
  id: z.string().optional(),
  name: text(PERSONA_TEXT_LIMITS.name).trim().min(1, "a persona needs a name"),
  segment: text(PERSONA_TEXT_LIMITS.segment).default(""),
  quote: text(PERSONA_TEXT_LIMITS.quote).default(""),
  avatarColor: ZColor.default(AVATAR_COLORS[0]),
  demographics: z
    .object({
      age: text(PERSONA_TEXT_LIMITS.age).default(""),
      location: text(PERSONA_TEXT_LIMITS.location).default(""),
      incomeBand: text(PERSONA_TEXT_LIMITS.incomeBand).default(""),
      familyStatus: text(PERSONA_TEXT_LIMITS.familyStatus).default(""),
      gender: text(PERSONA_TEXT_LIMITS.gender).default(""),
    })
    .default({ age: "", location: "", incomeBand: "", familyStatus: "", gender: "" }),
  job: z
    .object({ title: text(PERSONA_TEXT_LIMITS.jobTitle).default(""), career: text(PERSONA_TEXT_LIMITS.career).default("") })
    .default({ title: "", career: "" }),
  goals: ZList.default([]),
  values: ZList.default([]),
  painPoints: ZList.default([]),
  concerns: ZList.default([]),
  informationSources: ZList.default([]),
  channels: ZList.default([]),
  contentFormats: ZList.default([]),
  purchases: ZList.default([]),
  competitors: ZList.default([]),
  evidence: z
    .object({ note: text(PERSONA_TEXT_LIMITS.evidenceNote).default(""), date: ZDate.default("") })
    .default({ note: "", date: "" }),
});
export type PersonaExport = z.output<typeof ZPersonaExport>;
export type PersonaExportInput = z.input<typeof ZPersonaExport>;

/** The persona as plain data (the export without format and id). */
export type PersonaData = Omit<PersonaExport, "format" | "id">;

function root(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(ROOT);
}

/** The Y.Text of a field, created when missing (bind inputs to it). */
export function personaText(doc: Y.Doc, field: PersonaTextField): Y.Text {
  const map = root(doc);
  const value = map.get(field);
  if (value instanceof Y.Text) return value;
  const created = textOf(typeof value === "string" ? value : "");
  map.set(field, created);
  return created;
}

/** The Y.Array of a list, created when missing. */
export function personaList(doc: Y.Doc, list: PersonaList): Y.Array<Y.Text> {
  const map = root(doc);
  const value = map.get(list);
  if (value instanceof Y.Array) return value as Y.Array<Y.Text>;
  const created = new Y.Array<Y.Text>();
  map.set(list, created);
  return created;
}

/** Creates every field of the schema that is missing (called once when a document is created). */
export function ensurePersonaStructure(doc: Y.Doc): void {
  doc.transact(() => {
    for (const field of PERSONA_TEXT_FIELDS) personaText(doc, field);
    for (const list of PERSONA_LISTS) personaList(doc, list);
    const map = root(doc);
    if (typeof map.get("avatarColor") !== "string") map.set("avatarColor", AVATAR_COLORS[0]);
    if (typeof map.get("evidenceDate") !== "string") map.set("evidenceDate", "");
  });
}

function readList(map: Y.Map<unknown>, key: PersonaList): string[] {
  const value = map.get(key);
  if (!(value instanceof Y.Array)) return [];
  return value.toArray().map((item) => (item instanceof Y.Text ? item.toString() : typeof item === "string" ? item : ""));
}

/** Reads the document as plain typed data (missing fields read as empty). */
export function readPersona(doc: Y.Doc): PersonaData {
  const map = root(doc);
  const s = (key: PersonaTextField) => readString(map, key);
  const color = map.get("avatarColor");
  const date = map.get("evidenceDate");
  return {
    name: s("name"),
    segment: s("segment"),
    quote: s("quote"),
    avatarColor: typeof color === "string" && ZColor.safeParse(color).success ? color : AVATAR_COLORS[0],
    demographics: { age: s("age"), location: s("location"), incomeBand: s("incomeBand"), familyStatus: s("familyStatus"), gender: s("gender") },
    job: { title: s("jobTitle"), career: s("career") },
    goals: readList(map, "goals"),
    values: readList(map, "values"),
    painPoints: readList(map, "painPoints"),
    concerns: readList(map, "concerns"),
    informationSources: readList(map, "informationSources"),
    channels: readList(map, "channels"),
    contentFormats: readList(map, "contentFormats"),
    purchases: readList(map, "purchases"),
    competitors: readList(map, "competitors"),
    evidence: { note: s("evidenceNote"), date: typeof date === "string" ? date : "" },
  };
}

/** Sets a text field (clamped to its cap) with a minimal edit that merges with concurrent typing. */
export function setPersonaText(doc: Y.Doc, field: PersonaTextField, value: string): void {
  setText(personaText(doc, field), value.slice(0, PERSONA_TEXT_LIMITS[field]));
}

export function setAvatarColor(doc: Y.Doc, color: string): void {
  if (!ZColor.safeParse(color).success) throw new Error(`invalid avatar colour: ${color}`);
  root(doc).set("avatarColor", color);
}

export function setEvidenceDate(doc: Y.Doc, date: string): void {
  if (!ZDate.safeParse(date).success) throw new Error(`invalid date: ${date}`);
  root(doc).set("evidenceDate", date);
}

/** Adds an entry to a list (at `index`, default the end). Returns false when the list is full. */
export function addListItem(doc: Y.Doc, list: PersonaList, value = "", index?: number): boolean {
  const array = personaList(doc, list);
  if (array.length >= LIST_MAX_ITEMS) return false;
  const at = index === undefined ? array.length : Math.max(0, Math.min(index, array.length));
  array.insert(at, [textOf(value.slice(0, LIST_ITEM_MAX))]);
  return true;
}

/** Changes the text of a list entry (minimal edit). */
export function setListItem(doc: Y.Doc, list: PersonaList, index: number, value: string): void {
  const item = personaList(doc, list).get(index);
  if (item instanceof Y.Text) setText(item, value.slice(0, LIST_ITEM_MAX));
}

export function removeListItem(doc: Y.Doc, list: PersonaList, index: number): void {
  const array = personaList(doc, list);
  if (index >= 0 && index < array.length) array.delete(index, 1);
}

/** Moves a list entry (its text is copied: Yjs types cannot be re-parented). */
export function moveListItem(doc: Y.Doc, list: PersonaList, from: number, to: number): void {
  const array = personaList(doc, list);
  if (from === to || from < 0 || from >= array.length || to < 0 || to >= array.length) return;
  doc.transact(() => {
    const value = array.get(from).toString();
    array.delete(from, 1);
    array.insert(to, [textOf(value)]);
  });
}

/** The document in the export format `journeyboard.persona/v1`. */
export function toPersonaExport(doc: Y.Doc, id?: string): PersonaExport {
  return { format: PERSONA_FORMAT, ...(id ? { id } : {}), ...readPersona(doc) };
}

/**
 * Replaces the document's content with a validated export (throws a ZodError on bad input and
 * then changes nothing). Texts are edited in place so live editors keep their bindings.
 */
export function applyPersonaExport(doc: Y.Doc, input: unknown): PersonaExport {
  const data = ZPersonaExport.parse(input);
  doc.transact(() => {
    ensurePersonaStructure(doc);
    const values: Record<PersonaTextField, string> = {
      name: data.name,
      segment: data.segment,
      quote: data.quote,
      age: data.demographics.age,
      location: data.demographics.location,
      incomeBand: data.demographics.incomeBand,
      familyStatus: data.demographics.familyStatus,
      gender: data.demographics.gender,
      jobTitle: data.job.title,
      career: data.job.career,
      evidenceNote: data.evidence.note,
    };
    for (const field of PERSONA_TEXT_FIELDS) setText(personaText(doc, field), values[field]);
    const map = root(doc);
    map.set("avatarColor", data.avatarColor);
    map.set("evidenceDate", data.evidence.date);
    for (const list of PERSONA_LISTS) {
      const array = personaList(doc, list);
      const current = array.toArray().map((t) => t.toString());
      const next = data[list];
      if (current.length === next.length && current.every((v, i) => v === next[i])) continue;
      array.delete(0, array.length);
      array.insert(0, next.map(textOf));
    }
  });
  return data;
}

/** A new persona document from an export (or just a name), ready to store as the initial snapshot. */
export function createPersonaDoc(input: unknown): Y.Doc {
  const doc = new Y.Doc();
  applyPersonaExport(doc, input);
  return doc;
}

/** Initials for the generated avatar ("Ines Hartmann" → "IH"). */
export function personaInitials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return "?";
  const first = [...parts[0]][0] ?? "";
  const last = parts.length > 1 ? ([...parts[parts.length - 1]][0] ?? "") : "";
  return (first + last).toUpperCase();
}
