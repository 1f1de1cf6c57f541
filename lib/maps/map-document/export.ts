import * as Y from "yjs";
import { z } from "zod";
import { setPersonaIds } from "./edits";
import { readLanes, readMap, readTouchpointMap } from "./read";
import { EVIDENCE_KINDS, GAP_KINDS, MAP_LIMITS, MAP_STATES, OPPORTUNITY_STATUSES, SCHEMA_VERSION, TOUCHPOINT_SCALAR_FIELDS, TOUCHPOINT_TEXT_FIELDS } from "./types";
import type { MapData, OpportunityInput, PainPointInput, TouchpointInput } from "./types";
import { gapKey, laneTexts, listOf, makeEvidence, makeKpi, makeOpportunity, makePainPoint, makeTouchpoint, newId, root, setIfChanged, setText, str, systemsOf, textOf, uniqueStrings, yText } from "./y-model";
import type { YMapAny } from "./y-model";
import { ZEvidenceDetailsExport, ZOpportunityRatingExport, ZStageMethodExport, ZTouchpointMethodExport, resolveMomentOfTruthKind } from "./method-export";
import { initStageDetails, readStageDetails, writeTouchpointMethod } from "./method-model";
import { readKpi } from "./read";
import { applyJourneyKpisExport, journeyKpisToExport, replacePersonaEmotions, ZJourneyKpisExport, ZPersonaEmotionsExport } from "./curves";

// ---------------------------------------------------------------------------------------------
// Export format `journeyboard.map/v1` (CONTRACT §7) — core fields plus extras:
//   lanes [{id,name}], gapNotes [...], touchpoint.opportunityDetails [{text, owner, department, status}],
//   touchpoint.laneValues {laneId: text}, kpi.higherIsBetter, touchpoint.personaEmotions {personaId: -3…3},
//   journeyKpis [{id, name, metric, target, actual, unit, higherIsBetter}] (curves.ts).
// On import `opportunities` may hold strings or objects; `opportunityDetails`, when present, wins.

export const MAP_EXPORT_FORMAT = "journeyboard.map/v1";

const L = MAP_LIMITS;
const zShort = (max: number = L.shortTextLength) => z.string().max(max, `at most ${max} characters`);
const zLong = () => z.string().max(L.longTextLength, `at most ${L.longTextLength} characters`);
const zId = z.string().trim().min(1, "must not be empty").max(100, "at most 100 characters");
const zList = <T extends z.ZodType>(item: T) => z.array(item).max(L.listItems, `at most ${L.listItems} items`);
const zNumberOrNull = z.number().nullable();

export const ZKpiExport = z.object({
  name: zShort().trim().min(1, "must not be empty"),
  target: zNumberOrNull.optional().default(null),
  actual: zNumberOrNull.optional().default(null),
  unit: zShort().optional().default(""),
  higherIsBetter: z.boolean().optional().default(true),
});

export const ZEvidenceExport = z.object({
  kind: z.enum(EVIDENCE_KINDS),
  text: zLong(),
  source: zShort(1000).optional().default(""),
}).extend(ZEvidenceDetailsExport.shape);

export const ZOpportunityDetail = z.object({
  text: zLong(),
  owner: zShort().optional().default(""),
  department: zShort().optional().default(""),
  status: z.enum(OPPORTUNITY_STATUSES).optional().default("open"),
}).extend(ZOpportunityRatingExport.shape);

export const ZTouchpointExport = z.object({
  id: zId.optional(),
  stageId: zId,
  title: zShort(L.titleLength).optional().default(""),
  channel: zShort().optional().default(""),
  device: zShort().optional().default(""),
  department: zShort().optional().default(""),
  owner: zShort().optional().default(""),
  activity: zLong().optional().default(""),
  goal: zLong().optional().default(""),
  informationNeeded: zLong().optional().default(""),
  thoughts: zLong().optional().default(""),
  emotion: z.number().int("must be a whole number").min(-3, "must be between -3 and 3").max(3, "must be between -3 and 3").nullable().optional().default(null),
  momentOfTruth: z.boolean().optional().default(false),
  painPoints: zList(zLong()).optional().default([]),
  opportunities: zList(z.union([zLong(), ZOpportunityDetail])).optional().default([]),
  opportunityDetails: zList(ZOpportunityDetail).optional(),
  systems: zList(zShort()).optional().default([]),
  kpis: zList(ZKpiExport).optional().default([]),
  evidence: zList(ZEvidenceExport).optional().default([]),
  laneValues: z.record(z.string(), zLong()).optional().default({}),
  personaEmotions: ZPersonaEmotionsExport.optional(),
}).extend(ZTouchpointMethodExport.shape);

export const ZMapExport = z
  .object({
    format: z.literal(MAP_EXPORT_FORMAT, { error: `must be "${MAP_EXPORT_FORMAT}"` }),
    id: z.string().optional(),
    title: zShort(L.titleLength).trim().min(1, "must not be empty"),
    state: z.enum(MAP_STATES).optional().default("current"),
    outcome: zLong().optional().default(""),
    cyclic: z.boolean().optional().default(false),
    personaIds: z.array(zId).max(L.personas, `at most ${L.personas} personas`).optional().default([]),
    stages: z.array(z.object({ id: zId, name: zShort().optional().default("") }).extend(ZStageMethodExport.shape)).max(L.stages, `at most ${L.stages} stages`),
    touchpoints: z.array(ZTouchpointExport).max(L.touchpoints, `at most ${L.touchpoints} touchpoints`),
    lanes: z.array(z.object({ id: zId, name: zShort() })).max(L.lanes, `at most ${L.lanes} lanes`).optional().default([]),
    gapNotes: z
      .array(z.object({ fromTouchpointId: zId, toTouchpointId: zId, kind: z.enum(GAP_KINDS), handled: z.boolean(), note: zLong().optional().default("") }))
      .max(L.touchpoints * 3)
      .optional()
      .default([]),
    journeyKpis: ZJourneyKpisExport.optional(),
  })
  .superRefine((value, ctx) => {
    const stageIds = new Set<string>();
    value.stages.forEach((s, i) => {
      if (stageIds.has(s.id)) ctx.addIssue({ code: "custom", path: ["stages", i, "id"], message: "duplicate stage id" });
      stageIds.add(s.id);
    });
    const tpIds = new Set<string>();
    value.touchpoints.forEach((t, i) => {
      if (!stageIds.has(t.stageId)) ctx.addIssue({ code: "custom", path: ["touchpoints", i, "stageId"], message: "no stage with this id" });
      if (t.id !== undefined) {
        if (tpIds.has(t.id)) ctx.addIssue({ code: "custom", path: ["touchpoints", i, "id"], message: "duplicate touchpoint id" });
        tpIds.add(t.id);
      }
    });
    const laneIds = new Set<string>();
    value.lanes.forEach((l, i) => {
      if (laneIds.has(l.id)) ctx.addIssue({ code: "custom", path: ["lanes", i, "id"], message: "duplicate lane id" });
      laneIds.add(l.id);
    });
  });

/** The export format as accepted on import (defaults filled in). */
export type MapExport = z.output<typeof ZMapExport>;
/** Export as produced by toExport (every field present). */
export type MapExportOutput = Omit<MapExport, "touchpoints"> & {
  id: string;
  touchpoints: (Omit<z.output<typeof ZTouchpointExport>, "opportunities" | "opportunityDetails" | "painPointDetails"> & {
    id: string;
    opportunities: string[];
    opportunityDetails: z.output<typeof ZOpportunityDetail>[];
    painPointDetails: NonNullable<z.output<typeof ZTouchpointMethodExport>["painPointDetails"]>;
  })[];
};

/** The map (a document or plain data) in the export format. */
export function toExport(source: Y.Doc | MapData, mapId: string): MapExportOutput {
  const map = source instanceof Y.Doc ? readMap(source) : source;
  return {
    format: MAP_EXPORT_FORMAT,
    id: mapId,
    title: map.title,
    state: map.state,
    outcome: map.outcome,
    cyclic: map.cyclic,
    personaIds: map.personaIds,
    stages: map.stages.map((s) => ({
      id: s.id,
      name: s.name,
      goal: s.goal,
      centralQuestion: s.centralQuestion,
      duration: s.duration,
      kpis: s.kpis.map(({ name, target, actual, unit, higherIsBetter }) => ({ name, target, actual, unit, higherIsBetter })),
    })),
    touchpoints: map.touchpoints.map((t) => ({
      id: t.id,
      stageId: t.stageId,
      title: t.title,
      channel: t.channel,
      device: t.device,
      department: t.department,
      owner: t.owner,
      activity: t.activity,
      goal: t.goal,
      informationNeeded: t.informationNeeded,
      thoughts: t.thoughts,
      emotion: t.emotion,
      momentOfTruth: t.momentOfTruth,
      painPoints: t.painPoints.map((p) => p.text),
      opportunities: t.opportunities.map((o) => o.text),
      opportunityDetails: t.opportunities.map(({ text, owner, department, status, impact, effort, dueDate }) => ({ text, owner, department, status, impact, effort, dueDate })),
      systems: t.systems,
      kpis: t.kpis.map(({ name, target, actual, unit, higherIsBetter }) => ({ name, target, actual, unit, higherIsBetter })),
      evidence: t.evidence.map(({ kind, text, source, date, link }) => ({ kind, text, source, date, link })),
      laneValues: Object.fromEntries(Object.entries(t.laneValues).filter(([, v]) => v !== "")),
      momentOfTruthKind: t.momentOfTruthKind,
      priority: t.priority,
      superfluous: t.superfluous,
      timeToNext: t.timeToNext,
      painPointDetails: t.painPoints.map(({ text, severity, frequency, owner, status }) => ({ text, severity, frequency, owner, status })),
      personaEmotions: t.personaEmotions,
    })),
    lanes: map.lanes,
    gapNotes: map.gapNotes,
    journeyKpis: journeyKpisToExport(map.journeyKpis),
  };
}

/** Validates unknown JSON as an export; throws a ZodError whose issue paths name the offending field. */
export function parseMapExport(json: unknown): MapExport {
  return ZMapExport.parse(json);
}

function opportunitiesFromExport(t: z.output<typeof ZTouchpointExport>): OpportunityInput[] {
  if (t.opportunityDetails) return t.opportunityDetails;
  return t.opportunities.map((o) => (typeof o === "string" ? { text: o } : o));
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function replaceList<T>(tp: YMapAny, key: "painPoints" | "opportunities" | "kpis" | "evidence", current: T[], next: T[], make: (v: T) => YMapAny): void {
  if (sameJson(current, next)) return;
  const list = listOf(tp, key);
  list.delete(0, list.length);
  list.push(next.map(make));
}

/**
 * Replaces the whole content of the document with `data` (already validated by ZMapExport) in one
 * transaction. Ids are kept: a stage or touchpoint that already exists is updated in place (its
 * Y.Texts stay the same objects, so open editors keep their bindings and only see the changed
 * characters); missing ones are created, ones absent from `data` are deleted.
 */
export function applyExport(doc: Y.Doc, data: MapExport, origin: unknown = null): void {
  doc.transact(() => {
    const meta = root.meta(doc);
    setIfChanged(meta as YMapAny, "schema", SCHEMA_VERSION);
    setText(root.title(doc), data.title);
    setText(root.outcome(doc), data.outcome);
    setIfChanged(meta as YMapAny, "state", data.state);
    setIfChanged(meta as YMapAny, "cyclic", data.cyclic);
    setPersonaIds(doc, data.personaIds);

    // Lanes first: touchpoints need the lane ids.
    const lanes = root.lanes(doc);
    if (!sameJson(readLanes(doc), data.lanes)) {
      lanes.delete(0, lanes.length);
      lanes.push(
        data.lanes.map((l) => {
          const m = new Y.Map<unknown>();
          m.set("id", l.id);
          m.set("name", l.name);
          return m;
        }),
      );
    }
    const laneIds = data.lanes.map((l) => l.id);

    const stages = root.stages(doc);
    const wantedStages = new Set(data.stages.map((s) => s.id));
    for (const id of [...stages.keys()]) if (!wantedStages.has(id)) stages.delete(id);
    for (const s of data.stages) {
      const existing = stages.get(s.id);
      if (existing instanceof Y.Map) {
        setText(textOf(existing, "name"), s.name);
        applyStageMethod(existing, s);
      } else {
        const st = new Y.Map<unknown>();
        st.set("id", s.id);
        st.set("name", yText(s.name));
        initStageDetails(st, s, (s.kpis ?? []).map((k) => makeKpi(k)));
        stages.set(s.id, st);
      }
    }
    replaceOrder(root.stageOrder(doc), data.stages.map((s) => s.id));

    const tps = root.touchpoints(doc);
    const ids = data.touchpoints.map((t) => t.id ?? newId());
    const wantedTps = new Set(ids);
    for (const id of [...tps.keys()]) if (!wantedTps.has(id)) tps.delete(id);
    data.touchpoints.forEach((t, i) => {
      const id = ids[i];
      const momentOfTruthKind = resolveMomentOfTruthKind(t);
      const painPoints = (t.painPointDetails ?? t.painPoints.map((text): PainPointInput => ({ text }))).map((p) => ({
        text: p.text, severity: p.severity ?? null, frequency: p.frequency ?? null, owner: p.owner ?? "", status: p.status ?? ("open" as const),
      }));
      const fields: TouchpointInput = { ...t, painPoints, momentOfTruthKind, momentOfTruth: momentOfTruthKind !== null, opportunities: opportunitiesFromExport(t) };
      const existing = tps.get(id);
      if (!(existing instanceof Y.Map)) {
        tps.set(id, makeTouchpoint(id, t.stageId, fields, laneIds));
        return;
      }
      const current = readTouchpointMap(existing, str(existing.get("stageId")), laneIds);
      setIfChanged(existing, "stageId", t.stageId);
      for (const f of TOUCHPOINT_TEXT_FIELDS) setText(textOf(existing, f), t[f]);
      for (const f of TOUCHPOINT_SCALAR_FIELDS) setIfChanged(existing, f, t[f]);
      setIfChanged(existing, "emotion", t.emotion);
      writeTouchpointMethod(existing, { momentOfTruthKind, priority: t.priority ?? null, superfluous: t.superfluous ?? false, timeToNext: t.timeToNext ?? "" });
      replaceList(existing, "painPoints", current.painPoints.map(({ text, severity, frequency, owner, status }) => ({ text, severity, frequency, owner, status })), painPoints, makePainPoint);
      replaceList(
        existing,
        "opportunities",
        current.opportunities.map(({ text, owner, department, status, impact, effort, dueDate }) => ({ text, owner, department, status, impact, effort, dueDate })),
        fields.opportunities!.map((o) => ({ text: o.text, owner: o.owner ?? "", department: o.department ?? "", status: o.status ?? "open", impact: o.impact ?? null, effort: o.effort ?? null, dueDate: o.dueDate ?? null })),
        (o) => makeOpportunity(o),
      );
      replaceList(existing, "kpis", current.kpis.map(({ name, target, actual, unit, higherIsBetter }) => ({ name, target, actual, unit, higherIsBetter })), t.kpis, (k) => makeKpi(k));
      replaceList(existing, "evidence", current.evidence.map(({ kind, text, source, date, link }) => ({ kind, text, source, date, link })), t.evidence.map((e) => ({ ...e, date: e.date ?? null, link: e.link ?? "" })), (e) => makeEvidence(e));
      const systems = uniqueStrings(t.systems);
      if (!sameJson(current.systems, systems)) {
        const arr = systemsOf(existing);
        arr.delete(0, arr.length);
        arr.push(systems);
      }
      const texts = laneTexts(existing);
      for (const laneId of [...texts.keys()]) if (!laneIds.includes(laneId)) texts.delete(laneId);
      for (const laneId of laneIds) {
        const cell = texts.get(laneId);
        const value = t.laneValues[laneId] ?? "";
        if (cell instanceof Y.Text) setText(cell, value);
        else texts.set(laneId, yText(value));
      }
      replacePersonaEmotions(existing, t.personaEmotions ?? {});
    });
    replaceOrder(root.touchpointOrder(doc), ids);
    applyJourneyKpisExport(doc, data.journeyKpis ?? []);

    const notes = root.gapNotes(doc);
    const wantedNotes = new Map(data.gapNotes.filter((n) => wantedTps.has(n.fromTouchpointId) && wantedTps.has(n.toTouchpointId)).map((n) => [gapKey(n.kind, n.fromTouchpointId, n.toTouchpointId), n]));
    for (const key of [...notes.keys()]) if (!wantedNotes.has(key)) notes.delete(key);
    for (const [key, n] of wantedNotes) {
      const cur = notes.get(key) as { handled?: unknown; note?: unknown } | undefined;
      if (!cur || cur.handled !== n.handled || cur.note !== n.note) notes.set(key, { handled: n.handled, note: n.note });
    }
  }, origin);
}

/** Stage substance (issue 13, part A): minimal text changes; KPIs replaced only when they differ. */
function applyStageMethod(st: YMapAny, s: z.output<typeof ZStageMethodExport>): void {
  const current = readStageDetails(st, readKpi);
  setText(textOf(st, "goal"), s.goal ?? "");
  setText(textOf(st, "centralQuestion"), s.centralQuestion ?? "");
  setIfChanged(st, "duration", s.duration ?? "");
  const currentKpis = current.kpis.map(({ name, target, actual, unit, higherIsBetter }) => ({ name, target, actual, unit, higherIsBetter }));
  const kpis = s.kpis ?? [];
  if (sameJson(currentKpis, kpis)) return;
  let list = st.get("kpis");
  if (!(list instanceof Y.Array)) {
    list = new Y.Array<YMapAny>();
    st.set("kpis", list);
  }
  const arr = list as Y.Array<YMapAny>;
  arr.delete(0, arr.length);
  arr.push(kpis.map((k) => makeKpi(k)));
}

function replaceOrder(order: Y.Array<string>, ids: string[]): void {
  if (sameJson(order.toArray(), ids)) return;
  order.delete(0, order.length);
  order.push(ids);
}
