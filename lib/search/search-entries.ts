// What of each document is searchable, cell by cell: a map's title and outcome, every lane of every
// touchpoint (title, activity, goal, thoughts, pain points, opportunities, custom lanes…), every
// section of a persona, every stakeholder. Pure functions (plain data in, rows out), written by the
// projections through replaceSearchEntries so the index never drifts from the documents.
import { createHash } from "node:crypto";
import { and, eq, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { searchEntries, type SearchDocKind } from "@/db/schema";
import type { MapData } from "@/lib/maps/map-document";
import type { PersonaData } from "@/lib/personas/persona-document";
import type { StakeholderMapData } from "@/lib/stakeholders/stakeholder-document";

/** One searchable cell, before the workspace and document are added. */
export type SearchEntryInput = {
  itemId: string;
  field: string;
  label: string;
  context: string;
  body: string;
  weight: "A" | "B";
};

/** Lanes of a touchpoint as search fields: the map grid's lane keys (components/map/layout.ts), plus `lane:{id}`. */
export const TOUCHPOINT_SEARCH_FIELDS = [
  "title", "activity", "goal", "informationNeeded", "thoughts", "painPoints", "opportunities", "systems",
  "kpis", "evidence", "channel", "device", "department",
] as const;

/** Persona sheet sections as search fields (the sheet's section keys). */
export const PERSONA_SEARCH_FIELDS = [
  "name", "profile", "demographics", "job", "goals", "pains", "information", "competitors", "evidence",
] as const;

/** Rows longer than this are cut (the index stays small; cells are rarely longer). */
const BODY_MAX = 20_000;

function entry(itemId: string, field: string, label: string, context: string, body: string, weight: "A" | "B" = "B"): SearchEntryInput | null {
  const text = body.replace(/\s+\n/g, "\n").trim();
  return text ? { itemId, field, label, context, body: text.slice(0, BODY_MAX), weight } : null;
}

const lines = (values: string[]) => values.map((v) => v.trim()).filter(Boolean).join("\n");

/** The cells of a map. */
export function mapSearchEntries(map: MapData): SearchEntryInput[] {
  const title = map.title.trim() || "Untitled map";
  const stages = new Map(map.stages.map((s) => [s.id, s.name]));
  const out: (SearchEntryInput | null)[] = [entry("", "title", title, "", title, "A"), entry("", "outcome", title, "", map.outcome)];
  out.push(entry("", "journeyKpis", title, "", lines(map.journeyKpis.map((k) => `${k.name} ${k.unit}`))));
  // A stage is found by its name, goal and central question (issue 13).
  for (const stage of map.stages) out.push(entry(`stage:${stage.id}`, "stage", stage.name, title, lines([stage.name, stage.goal, stage.centralQuestion])));
  for (const t of map.touchpoints) {
    const label = t.title.trim() || "—";
    const context = [title, stages.get(t.stageId) ?? ""].filter(Boolean).join(" › ");
    const cell = (field: string, body: string, weight: "A" | "B" = "B") => out.push(entry(t.id, field, label, context, body, weight));
    cell("title", t.title, "A");
    cell("activity", t.activity);
    cell("goal", t.goal);
    cell("informationNeeded", t.informationNeeded);
    cell("thoughts", t.thoughts);
    cell("painPoints", lines(t.painPoints.map((p) => p.text)));
    cell("timeToNext", t.timeToNext);
    cell("opportunities", lines(t.opportunities.map((o) => o.text)));
    cell("systems", lines(t.systems));
    cell("kpis", lines(t.kpis.map((k) => `${k.name} ${k.unit}`)));
    cell("evidence", lines(t.evidence.map((e) => `${e.text} ${e.source}`)));
    cell("channel", t.channel);
    cell("device", t.device);
    // The grid's "Owner department" lane shows the department and the responsible person.
    cell("department", lines([t.department, t.owner]));
    for (const lane of map.lanes) out.push(entry(t.id, `lane:${lane.id}`, label, `${context} · ${lane.name}`, t.laneValues[lane.id] ?? ""));
  }
  return out.filter((e): e is SearchEntryInput => e !== null);
}

/** The sections of a persona (keys as the persona sheet's sections). */
export function personaSearchEntries(p: PersonaData & { competitors?: string[] }): SearchEntryInput[] {
  const name = p.name.trim() || "—";
  const d = p.demographics;
  const cell = (field: string, body: string, weight: "A" | "B" = "B") => entry("", field, name, p.segment.trim(), body, weight);
  return [
    cell("name", name, "A"),
    cell("profile", lines([p.segment, p.quote])),
    cell("demographics", lines([d.age, d.location, d.incomeBand, d.familyStatus, d.gender])),
    cell("job", lines([p.job.title, p.job.career])),
    cell("goals", lines([...p.goals, ...p.values])),
    cell("pains", lines([...p.painPoints, ...p.concerns])),
    cell("information", lines([...p.informationSources, ...p.channels, ...p.contentFormats, ...p.purchases])),
    cell("competitors", lines(p.competitors ?? [])),
    cell("evidence", p.evidence.note),
  ].filter((e): e is SearchEntryInput => e !== null);
}

/** A stakeholder map's title and each of its stakeholders. */
export function stakeholderSearchEntries(data: StakeholderMapData): SearchEntryInput[] {
  const title = data.title.trim() || "—";
  const out: (SearchEntryInput | null)[] = [entry("", "title", title, "", title, "A")];
  for (const s of data.stakeholders) {
    const name = s.name.trim() || "—";
    out.push(entry(s.id, "name", name, title, name, "A"));
    out.push(entry(s.id, "description", name, title, lines([s.description, s.type === "department" ? (s.department ?? "") : ""])));
  }
  return out.filter((e): e is SearchEntryInput => e !== null);
}

/** The same fingerprint as the SQL md5(...) in replaceSearchEntries. */
function fingerprint(workspaceId: string, e: SearchEntryInput): string {
  return createHash("md5").update([workspaceId, e.weight, e.label, e.context, e.body].join("\u0001")).digest("hex");
}

/**
 * Replaces the search rows of one document (inside the caller's transaction when there is one).
 * Only rows that changed are written: a typing session re-projects the map on every stored edit,
 * and re-stemming every cell of a 2,000-touchpoint map each time would be wasted work.
 */
export async function replaceSearchEntries(
  db: DbOrTx,
  scope: { workspaceId: string; docKind: SearchDocKind; docId: string },
  entries: SearchEntryInput[],
): Promise<void> {
  const key = (e: { itemId: string; field: string }) => `${e.itemId}\u0000${e.field}`;
  // Duplicate keys (two touchpoints sharing an id in a hand-made import) keep the first.
  const next = new Map<string, SearchEntryInput>();
  for (const e of entries) if (!next.has(key(e))) next.set(key(e), e);
  const where = and(eq(searchEntries.docId, scope.docId), eq(searchEntries.docKind, scope.docKind));
  // Compare fingerprints, not texts: reading every cell's text back costs more than it saves.
  const current = await db
    .select({
      itemId: searchEntries.itemId,
      field: searchEntries.field,
      fingerprint: sql<string>`md5(${searchEntries.workspaceId}::text || chr(1) || ${searchEntries.weight} || chr(1) || ${searchEntries.label} || chr(1) || ${searchEntries.context} || chr(1) || ${searchEntries.body})`,
    })
    .from(searchEntries)
    .where(where);
  const stale: { itemId: string; field: string }[] = [];
  for (const row of current) {
    const wanted = next.get(key(row));
    if (wanted && fingerprint(scope.workspaceId, wanted) === row.fingerprint) next.delete(key(row));
    else stale.push(row);
  }
  for (let i = 0; i < stale.length; i += 500) {
    const chunk = stale.slice(i, i + 500);
    await db.delete(searchEntries).where(and(where, or(...chunk.map((r) => and(eq(searchEntries.itemId, r.itemId), eq(searchEntries.field, r.field))))));
  }
  const rows = [...next.values()];
  for (let i = 0; i < rows.length; i += 500) {
    await db.insert(searchEntries).values(rows.slice(i, i + 500).map((e) => ({ ...scope, ...e })));
  }
}
