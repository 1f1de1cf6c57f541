// The one owner of the `stakeholders:{id}` Yjs document schema (browser-safe: yjs + zod only).
// UI, server projection, REST API and the demo seed read and change stakeholder maps through here.
//
// Layout:
//   meta          Y.Map   { title: string }
//   stakeholders  Y.Map   id → Y.Map { name: Y.Text, type, department, description: Y.Text, ring, angle, influence }
//   relationships Y.Map   id → Y.Map { from, to, provides, label: Y.Text, direction }
// Keyed maps (not arrays) so that concurrent moves and edits of different stakeholders never conflict.
import * as Y from "yjs";
import { z } from "zod";
import { newId, readString, setText, textOf } from "@/lib/personas/y-text";

export const STAKEHOLDERS_FORMAT = "journeyboard.stakeholders/v1";
/** The id that stands for the customer at the centre in relationships. */
export const CUSTOMER = "customer";

export const STAKEHOLDER_TYPES = ["department", "team", "person", "partner", "system"] as const;
export const RINGS = ["direct", "indirect", "environment"] as const;
export const PROVIDES = ["information", "money", "service", "product", "trust", "other"] as const;
export const DIRECTIONS = ["one-way", "both"] as const;
export type StakeholderType = (typeof STAKEHOLDER_TYPES)[number];
export type Ring = (typeof RINGS)[number];
export type Provides = (typeof PROVIDES)[number];
export type Direction = (typeof DIRECTIONS)[number];

export const STAKEHOLDER_LIMITS = {
  title: 120,
  name: 80,
  department: 80,
  description: 1000,
  label: 80,
  stakeholders: 100,
  relationships: 400,
} as const;

const ZId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "ids are 1–64 letters, digits, _ or -")
  .refine((v) => v !== CUSTOMER, `"${CUSTOMER}" is reserved for the customer at the centre`);
const ZInfluence = z.number().int("influence is a whole number").min(-3).max(3);

export const ZStakeholder = z.object({
  id: ZId,
  name: z.string().trim().min(1, "a stakeholder needs a name").max(STAKEHOLDER_LIMITS.name, `at most ${STAKEHOLDER_LIMITS.name} characters`),
  type: z.enum(STAKEHOLDER_TYPES),
  /** Department name (type = department): wires the stakeholder to touchpoint owners. */
  department: z.string().max(STAKEHOLDER_LIMITS.department).nullish(),
  description: z.string().max(STAKEHOLDER_LIMITS.description, `at most ${STAKEHOLDER_LIMITS.description} characters`).default(""),
  ring: z.enum(RINGS),
  /** Position on the ring in degrees, clockwise from the top. */
  angle: z.number().finite().default(0),
  /** Influence on the customer experience: -3 (strongly negative) … +3 (strongly positive). */
  influence: ZInfluence.default(0),
});

export const ZRelationship = z.object({
  id: ZId,
  from: z.string().min(1),
  to: z.string().min(1),
  provides: z.enum(PROVIDES),
  label: z.string().max(STAKEHOLDER_LIMITS.label, `at most ${STAKEHOLDER_LIMITS.label} characters`).default(""),
  direction: z.enum(DIRECTIONS).default("one-way"),
});

/** The stakeholder map export format `journeyboard.stakeholders/v1` (extra fields are ignored). */
export const ZStakeholdersExport = z
  .object({
    format: z.literal(STAKEHOLDERS_FORMAT),
    id: z.string().optional(),
    title: z.string().trim().min(1, "a stakeholder map needs a title").max(STAKEHOLDER_LIMITS.title),
    stakeholders: z.array(ZStakeholder).max(STAKEHOLDER_LIMITS.stakeholders, `at most ${STAKEHOLDER_LIMITS.stakeholders} stakeholders`).default([]),
    relationships: z.array(ZRelationship).max(STAKEHOLDER_LIMITS.relationships, `at most ${STAKEHOLDER_LIMITS.relationships} relationships`).default([]),
  })
  .superRefine((data, ctx) => {
    const ids = new Set<string>();
    data.stakeholders.forEach((s, i) => {
      if (ids.has(s.id)) ctx.addIssue({ code: "custom", path: ["stakeholders", i, "id"], message: `duplicate stakeholder id "${s.id}"` });
      ids.add(s.id);
    });
    const relIds = new Set<string>();
    data.relationships.forEach((r, i) => {
      if (relIds.has(r.id)) ctx.addIssue({ code: "custom", path: ["relationships", i, "id"], message: `duplicate relationship id "${r.id}"` });
      relIds.add(r.id);
      for (const end of ["from", "to"] as const) {
        if (r[end] !== CUSTOMER && !ids.has(r[end])) {
          ctx.addIssue({ code: "custom", path: ["relationships", i, end], message: `relationship "${r.id}" points to stakeholder "${r[end]}", which does not exist on this map` });
        }
      }
      if (r.from === r.to) ctx.addIssue({ code: "custom", path: ["relationships", i, "to"], message: `relationship "${r.id}" connects "${r.from}" to itself` });
    });
  });
export type StakeholdersExport = z.output<typeof ZStakeholdersExport>;
export type StakeholdersExportInput = z.input<typeof ZStakeholdersExport>;

export type Stakeholder = {
  id: string;
  name: string;
  type: StakeholderType;
  department: string | null;
  description: string;
  ring: Ring;
  angle: number;
  influence: number;
};
export type Relationship = { id: string; from: string; to: string; provides: Provides; label: string; direction: Direction };
export type StakeholderMapData = { title: string; stakeholders: Stakeholder[]; relationships: Relationship[] };

const meta = (doc: Y.Doc) => doc.getMap<unknown>("meta");
const stakeholderMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("stakeholders");
const relationshipMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>("relationships");

/** Angles normalised to [0, 360). */
export function normalizeAngle(angle: number): number {
  const a = angle % 360;
  return Math.round((a < 0 ? a + 360 : a) * 100) / 100;
}

const clampInfluence = (v: number) => Math.max(-3, Math.min(3, Math.round(v)));
const pick = <T extends string>(allowed: readonly T[], value: unknown, fallback: T): T =>
  (allowed as readonly unknown[]).includes(value) ? (value as T) : fallback;

function readStakeholder(id: string, m: Y.Map<unknown>): Stakeholder {
  const type = pick(STAKEHOLDER_TYPES, m.get("type"), "team");
  const department = readString(m, "department");
  const angle = m.get("angle");
  const influence = m.get("influence");
  return {
    id,
    name: readString(m, "name"),
    type,
    department: type === "department" ? department || readString(m, "name") : null,
    description: readString(m, "description"),
    ring: pick(RINGS, m.get("ring"), "indirect"),
    angle: typeof angle === "number" && Number.isFinite(angle) ? normalizeAngle(angle) : 0,
    influence: typeof influence === "number" ? clampInfluence(influence) : 0,
  };
}

const RING_ORDER: Record<Ring, number> = { direct: 0, indirect: 1, environment: 2 };

/** Reads the document as plain typed data: stakeholders by ring and angle; relationships whose ends exist. */
export function readStakeholderMap(doc: Y.Doc): StakeholderMapData {
  const stakeholders: Stakeholder[] = [];
  stakeholderMap(doc).forEach((m, id) => {
    if (m instanceof Y.Map) stakeholders.push(readStakeholder(id, m));
  });
  stakeholders.sort((a, b) => RING_ORDER[a.ring] - RING_ORDER[b.ring] || a.angle - b.angle || a.id.localeCompare(b.id));
  const ids = new Set(stakeholders.map((s) => s.id));
  const relationships: Relationship[] = [];
  relationshipMap(doc).forEach((m, id) => {
    if (!(m instanceof Y.Map)) return;
    const from = readString(m, "from");
    const to = readString(m, "to");
    // A relationship whose stakeholder was removed concurrently is dangling: not shown, not exported.
    if (!(from === CUSTOMER || ids.has(from)) || !(to === CUSTOMER || ids.has(to)) || from === to) return;
    relationships.push({
      id,
      from,
      to,
      provides: pick(PROVIDES, m.get("provides"), "other"),
      label: readString(m, "label"),
      direction: pick(DIRECTIONS, m.get("direction"), "one-way"),
    });
  });
  relationships.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.id.localeCompare(b.id));
  const title = meta(doc).get("title");
  return { title: typeof title === "string" ? title : "", stakeholders, relationships };
}

export function setStakeholderMapTitle(doc: Y.Doc, title: string): void {
  meta(doc).set("title", title.slice(0, STAKEHOLDER_LIMITS.title));
}

export type NewStakeholder = Partial<Omit<Stakeholder, "id">> & { id?: string; name: string };

function writeStakeholder(m: Y.Map<unknown>, s: Omit<Stakeholder, "id">) {
  m.set("name", textOf(s.name.slice(0, STAKEHOLDER_LIMITS.name)));
  m.set("type", s.type);
  m.set("department", s.type === "department" ? (s.department || s.name).slice(0, STAKEHOLDER_LIMITS.department) : "");
  m.set("description", textOf(s.description.slice(0, STAKEHOLDER_LIMITS.description)));
  m.set("ring", s.ring);
  m.set("angle", normalizeAngle(s.angle));
  m.set("influence", clampInfluence(s.influence));
}

/** Adds a stakeholder and returns its id. Throws when the map is full. */
export function addStakeholder(doc: Y.Doc, input: NewStakeholder): string {
  const map = stakeholderMap(doc);
  if (map.size >= STAKEHOLDER_LIMITS.stakeholders) throw new Error(`a stakeholder map holds at most ${STAKEHOLDER_LIMITS.stakeholders} stakeholders`);
  const id = input.id ?? newId("s");
  if (id === CUSTOMER || map.has(id)) throw new Error(`stakeholder id "${id}" is taken`);
  const m = new Y.Map<unknown>();
  doc.transact(() => {
    map.set(id, m);
    writeStakeholder(m, {
      name: input.name,
      type: input.type ?? "team",
      department: input.department ?? null,
      description: input.description ?? "",
      ring: input.ring ?? "indirect",
      angle: input.angle ?? 0,
      influence: input.influence ?? 0,
    });
  });
  return id;
}

export type StakeholderPatch = Partial<Pick<Stakeholder, "type" | "department" | "ring" | "angle" | "influence">>;

/** Changes a stakeholder's scalar properties (unknown id: no-op). */
export function updateStakeholder(doc: Y.Doc, id: string, patch: StakeholderPatch): void {
  const m = stakeholderMap(doc).get(id);
  if (!(m instanceof Y.Map)) return;
  doc.transact(() => {
    if (patch.type) m.set("type", patch.type);
    const type = (patch.type ?? m.get("type")) as StakeholderType;
    if (patch.department !== undefined || patch.type) {
      const dept = type === "department" ? (patch.department ?? (readString(m, "department") || readString(m, "name"))) : "";
      m.set("department", (dept ?? "").slice(0, STAKEHOLDER_LIMITS.department));
    }
    if (patch.ring) m.set("ring", patch.ring);
    if (patch.angle !== undefined && Number.isFinite(patch.angle)) m.set("angle", normalizeAngle(patch.angle));
    if (patch.influence !== undefined) m.set("influence", clampInfluence(patch.influence));
  });
}

/** Edits a stakeholder's name or description (minimal edit that merges with concurrent typing). */
export function setStakeholderText(doc: Y.Doc, id: string, field: "name" | "description", value: string): void {
  const m = stakeholderMap(doc).get(id);
  if (!(m instanceof Y.Map)) return;
  let t = m.get(field);
  if (!(t instanceof Y.Text)) {
    t = textOf(typeof t === "string" ? t : "");
    m.set(field, t);
  }
  setText(t as Y.Text, value.slice(0, STAKEHOLDER_LIMITS[field]));
}

/** Places a stakeholder on a ring at an angle (drag and keyboard moves). */
export function moveStakeholder(doc: Y.Doc, id: string, ring: Ring, angle: number): void {
  updateStakeholder(doc, id, { ring, angle });
}

/** Removes a stakeholder and every relationship that touches it. */
export function removeStakeholder(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    stakeholderMap(doc).delete(id);
    const rels = relationshipMap(doc);
    for (const [relId, m] of [...rels.entries()]) {
      if (readString(m, "from") === id || readString(m, "to") === id) rels.delete(relId);
    }
  });
}

export type NewRelationship = { id?: string; from: string; to: string; provides: Provides; label?: string; direction?: Direction };

/** Adds a relationship and returns its id. Throws when an end does not exist. */
export function addRelationship(doc: Y.Doc, input: NewRelationship): string {
  const stakeholders = stakeholderMap(doc);
  for (const end of [input.from, input.to]) {
    if (end !== CUSTOMER && !stakeholders.has(end)) throw new Error(`stakeholder "${end}" does not exist on this map`);
  }
  if (input.from === input.to) throw new Error("a relationship needs two different ends");
  const rels = relationshipMap(doc);
  if (rels.size >= STAKEHOLDER_LIMITS.relationships) throw new Error(`a stakeholder map holds at most ${STAKEHOLDER_LIMITS.relationships} relationships`);
  const id = input.id ?? newId("r");
  const m = new Y.Map<unknown>();
  doc.transact(() => {
    rels.set(id, m);
    m.set("from", input.from);
    m.set("to", input.to);
    m.set("provides", input.provides);
    m.set("label", textOf((input.label ?? "").slice(0, STAKEHOLDER_LIMITS.label)));
    m.set("direction", input.direction ?? "one-way");
  });
  return id;
}

export type RelationshipPatch = Partial<Pick<Relationship, "provides" | "direction">> & { label?: string; reverse?: boolean };

export function updateRelationship(doc: Y.Doc, id: string, patch: RelationshipPatch): void {
  const m = relationshipMap(doc).get(id);
  if (!(m instanceof Y.Map)) return;
  doc.transact(() => {
    if (patch.provides) m.set("provides", patch.provides);
    if (patch.direction) m.set("direction", patch.direction);
    if (patch.reverse) {
      const from = readString(m, "from");
      m.set("from", readString(m, "to"));
      m.set("to", from);
    }
    if (patch.label !== undefined) {
      const t = m.get("label");
      if (t instanceof Y.Text) setText(t, patch.label.slice(0, STAKEHOLDER_LIMITS.label));
      else m.set("label", textOf(patch.label.slice(0, STAKEHOLDER_LIMITS.label)));
    }
  });
}

export function removeRelationship(doc: Y.Doc, id: string): void {
  relationshipMap(doc).delete(id);
}

/** The document in the export format `journeyboard.stakeholders/v1`. */
export function toStakeholdersExport(doc: Y.Doc, id?: string): StakeholdersExport {
  const data = readStakeholderMap(doc);
  return {
    format: STAKEHOLDERS_FORMAT,
    ...(id ? { id } : {}),
    title: data.title,
    stakeholders: data.stakeholders,
    relationships: data.relationships,
  };
}

/**
 * Replaces the document's content with a validated export. Throws a ZodError (path and a message
 * such as `relationship "r1" points to stakeholder "x", which does not exist`) and then changes nothing.
 */
export function applyStakeholdersExport(doc: Y.Doc, input: unknown): StakeholdersExport {
  const data = ZStakeholdersExport.parse(input);
  doc.transact(() => {
    meta(doc).set("title", data.title);
    const sMap = stakeholderMap(doc);
    const keep = new Set(data.stakeholders.map((s) => s.id));
    for (const id of [...sMap.keys()]) if (!keep.has(id)) sMap.delete(id);
    for (const s of data.stakeholders) {
      const existing = sMap.get(s.id);
      const value = { ...s, department: s.department ?? null };
      if (existing instanceof Y.Map) {
        setStakeholderText(doc, s.id, "name", s.name);
        setStakeholderText(doc, s.id, "description", s.description);
        updateStakeholder(doc, s.id, { type: s.type, department: value.type === "department" ? value.department || s.name : null, ring: s.ring, angle: s.angle, influence: s.influence });
      } else {
        const m = new Y.Map<unknown>();
        sMap.set(s.id, m);
        writeStakeholder(m, value);
      }
    }
    const rels = relationshipMap(doc);
    for (const id of [...rels.keys()]) rels.delete(id);
    for (const r of data.relationships) {
      const m = new Y.Map<unknown>();
      rels.set(r.id, m);
      m.set("from", r.from);
      m.set("to", r.to);
      m.set("provides", r.provides);
      m.set("label", textOf(r.label));
      m.set("direction", r.direction);
    }
  });
  return data;
}

/** A new stakeholder map document from an export, ready to store as the initial snapshot. */
export function createStakeholderDoc(input: unknown): Y.Doc {
  const doc = new Y.Doc();
  applyStakeholdersExport(doc, input);
  return doc;
}

/** Departments (names) of the stakeholders of type department. */
export function departmentStakeholders(data: StakeholderMapData): Stakeholder[] {
  return data.stakeholders.filter((s) => s.type === "department");
}

/** The Y.Text of a stakeholder's name or description (for binding inputs), or null when it does not exist. */
export function stakeholderText(doc: Y.Doc, id: string, field: "name" | "description"): Y.Text | null {
  const m = stakeholderMap(doc).get(id);
  if (!(m instanceof Y.Map)) return null;
  const t = m.get(field);
  if (t instanceof Y.Text) return t;
  const created = textOf(typeof t === "string" ? t : "");
  m.set(field, created);
  return created;
}

/** The Y.Text of a relationship's label (for binding inputs), or null when it does not exist. */
export function relationshipLabelText(doc: Y.Doc, id: string): Y.Text | null {
  const m = relationshipMap(doc).get(id);
  if (!(m instanceof Y.Map)) return null;
  const t = m.get("label");
  if (t instanceof Y.Text) return t;
  const created = textOf(typeof t === "string" ? t : "");
  m.set("label", created);
  return created;
}
