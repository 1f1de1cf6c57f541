// The relational projection of a map document: stages, touchpoints and their fields, KPIs (with
// on-target computed), opportunities, gaps, linked personas and the summary columns of
// journey_maps — so lists, search and dashboards query SQL instead of decoding documents.
// Rewritten as a whole per map (delete + batched insert) in one transaction: a map has at most
// 2,000 touchpoints, and a full rewrite can never drift from the document.
import { and, eq, inArray, isNull } from "drizzle-orm";
import type * as Y from "yjs";
import type { Database, DbOrTx } from "@/db/client";
import {
  journeyMaps, mapGaps, mapPersonas, mapStages, mapTouchpoints, personas, touchpointKpis, touchpointOpportunities,
} from "@/db/schema";
import { projectCurves } from "./project-curves";
import { recordMapChanges, touchpointSignature } from "@/lib/activity/record-map-changes";
import { mapSearchEntries, replaceSearchEntries } from "@/lib/search/search-entries";
import { computeGaps, kpiOnTarget, readMap, summarizeEmotions, type MapData, type Touchpoint } from "./map-document";

export type ProjectMapOptions = {
  workspaceId: string;
  mapId: string;
  /** The map as read from its document (read it synchronously: live documents keep changing). */
  map: MapData;
  /** Who made the change (last editor), when known. */
  updatedBy?: string | null;
  /** The map's first projection (creating it): not a change anyone made, so no activity is recorded. */
  initial?: boolean;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Rows per INSERT: stays far below PostgreSQL's 65,535 bind parameters for every table here. */
const CHUNK = 500;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** All text of a touchpoint, for the list's full-text search. */
export function touchpointSearchText(t: Touchpoint): string {
  return [
    t.title, t.channel, t.device, t.department, t.owner, t.activity, t.goal, t.informationNeeded, t.thoughts,
    ...t.painPoints.map((p) => p.text), ...t.systems, ...t.opportunities.map((o) => o.text),
    ...t.kpis.map((k) => k.name), ...t.evidence.map((e) => `${e.text} ${e.source}`), ...Object.values(t.laneValues),
  ]
    .filter(Boolean)
    .join("\n");
}

/** Writes the projection of one map. Returns false (and writes nothing) when the map row does not exist. */
export async function projectMap(db: DbOrTx, { workspaceId, mapId, map, updatedBy, initial }: ProjectMapOptions): Promise<boolean> {
  const stageNames = new Map(map.stages.map((s) => [s.id, s.name]));
  const emotions = summarizeEmotions(map);
  const gaps = computeGaps(map);

  const run = async (tx: DbOrTx) => {
    const [row] = await tx
      .select({ id: journeyMaps.id })
      .from(journeyMaps)
      .where(and(eq(journeyMaps.id, mapId), eq(journeyMaps.workspaceId, workspaceId)))
      .for("update")
      .limit(1);
    if (!row) return false;
    const scope = { mapId, workspaceId };
    // The projection as it was, in journey order: the activity feed is the difference.
    const before = await tx
      .select({
        touchpointId: mapTouchpoints.touchpointId, stageId: mapTouchpoints.stageId, title: mapTouchpoints.title, owner: mapTouchpoints.owner,
        searchText: mapTouchpoints.searchText, emotion: mapTouchpoints.emotion, momentOfTruth: mapTouchpoints.momentOfTruth,
        stagePosition: mapStages.position, position: mapTouchpoints.position,
      })
      .from(mapTouchpoints)
      .leftJoin(mapStages, and(eq(mapStages.mapId, mapTouchpoints.mapId), eq(mapStages.stageId, mapTouchpoints.stageId)))
      .where(eq(mapTouchpoints.mapId, mapId));
    before.sort((a, b) => (a.stagePosition ?? 0) - (b.stagePosition ?? 0) || a.position - b.position);
    const beforeOpportunities = await tx
      .select({ touchpointId: touchpointOpportunities.touchpointId, owner: touchpointOpportunities.owner })
      .from(touchpointOpportunities)
      .where(eq(touchpointOpportunities.mapId, mapId));
    await tx.delete(mapStages).where(eq(mapStages.mapId, mapId));
    await tx.delete(mapTouchpoints).where(eq(mapTouchpoints.mapId, mapId));
    await tx.delete(touchpointKpis).where(eq(touchpointKpis.mapId, mapId));
    await tx.delete(touchpointOpportunities).where(eq(touchpointOpportunities.mapId, mapId));
    await tx.delete(mapGaps).where(eq(mapGaps.mapId, mapId));
    await tx.delete(mapPersonas).where(eq(mapPersonas.mapId, mapId));

    await insertChunked(
      map.stages.map((s, position) => ({ ...scope, stageId: s.id, name: s.name, position })),
      (chunk) => tx.insert(mapStages).values(chunk),
    );
    await insertChunked(
      // `position` is the place in the whole journey (stage by stage), which every reader orders
      // by (curves, persona journeys, tie-breaks): readMap lists touchpoints in that order.
      map.touchpoints.map((t, position) => ({
        ...scope,
        touchpointId: t.id,
        stageId: t.stageId,
        stageName: stageNames.get(t.stageId) ?? "",
        position,
        title: t.title,
        channel: t.channel,
        device: t.device,
        department: t.department,
        owner: t.owner,
        emotion: t.emotion,
        momentOfTruth: t.momentOfTruth,
        painPointCount: t.painPoints.filter((p) => p.text.trim()).length,
        momentOfTruthKind: t.momentOfTruthKind,
        priority: t.priority,
        superfluous: t.superfluous,
        systems: t.systems,
        searchText: touchpointSearchText(t),
      })),
      (chunk) => tx.insert(mapTouchpoints).values(chunk),
    );
    await insertChunked(
      map.touchpoints.flatMap((t) =>
        t.kpis.map((k, position) => ({
          ...scope,
          touchpointId: t.id,
          position,
          name: k.name,
          target: k.target,
          actual: k.actual,
          unit: k.unit,
          higherIsBetter: k.higherIsBetter,
          onTarget: kpiOnTarget(k),
        })),
      ),
      (chunk) => tx.insert(touchpointKpis).values(chunk),
    );
    await insertChunked(
      map.touchpoints.flatMap((t) =>
        t.opportunities
          .filter((o) => o.text.trim())
          .map((o, position) => ({
            ...scope, touchpointId: t.id, position, text: o.text, owner: o.owner, department: o.department, status: o.status,
            impact: o.impact, effort: o.effort, dueDate: o.dueDate,
          })),
      ),
      (chunk) => tx.insert(touchpointOpportunities).values(chunk),
    );
    await insertChunked(
      gaps.map((g) => ({ ...scope, ...g })),
      (chunk) => tx.insert(mapGaps).values(chunk),
    );
    // Only personas of this workspace that still exist (the document may name deleted or foreign ones).
    const candidateIds = map.personaIds.filter((id) => UUID.test(id));
    let validPersonaIds: string[] = [];
    if (candidateIds.length) {
      const valid = await tx
        .select({ id: personas.id })
        .from(personas)
        .where(and(eq(personas.workspaceId, workspaceId), inArray(personas.id, candidateIds), isNull(personas.deletedAt)));
      if (valid.length) await tx.insert(mapPersonas).values(valid.map((p) => ({ ...scope, personaId: p.id })));
      validPersonaIds = valid.map((p) => p.id);
    }
    // Search: every cell of the map (lib/search), in the same transaction as the rest.
    await replaceSearchEntries(tx, { workspaceId, docKind: "map", docId: mapId }, mapSearchEntries(map));
    await projectCurves(tx, { ...scope, map, personaIds: validPersonaIds });
    if (!initial) {
      await recordMapChanges(tx, {
        workspaceId, mapId, mapTitle: map.title.trim() || "Untitled map", actorId: updatedBy ?? null,
        before: before.map((b) => ({ touchpointId: b.touchpointId, stageId: b.stageId, title: b.title, owner: b.owner, signature: touchpointSignature(b) })),
        beforeOpportunities,
        after: map,
        signatures: new Map(map.touchpoints.map((t) => [t.id, touchpointSignature({ searchText: touchpointSearchText(t), emotion: t.emotion, momentOfTruth: t.momentOfTruth })])),
      });
    }
    await tx
      .update(journeyMaps)
      .set({
        title: map.title.trim() || "Untitled map",
        state: map.state,
        outcome: map.outcome,
        cyclic: map.cyclic,
        touchpointCount: map.touchpoints.length,
        avgEmotion: emotions.average,
        emotionCurve: emotions.curve,
        updatedAt: new Date(),
        ...(updatedBy ? { updatedBy } : {}),
      })
      .where(eq(journeyMaps.id, mapId));
    return true;
  };
  // A transaction of its own, or a savepoint when called inside one (seeding, creating a map).
  return db.transaction(run);
}

const PREFIX = "map:";

/** Change hook for `map:{id}` documents (registered in lib/document-hooks.ts); ignores other documents. */
export function onMapChanged(db: Database, docName: string, doc: Y.Doc, info?: { workspaceId?: string; userIds?: string[] }): Promise<void> | void {
  if (!docName.startsWith(PREFIX) || !info?.workspaceId) return;
  // Read now: the live document keeps changing after this returns.
  const map = readMap(doc);
  return projectMap(db, { workspaceId: info.workspaceId, mapId: docName.slice(PREFIX.length), map, updatedBy: info.userIds?.at(-1) ?? null }).then(() => undefined);
}
