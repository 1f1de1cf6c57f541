// Workspace templates: any map saved as a starting point for new maps (name, description, which
// lanes keep their content). Stages and touchpoint titles always stay (they are the journey's
// skeleton); every other lane is emptied unless kept. KPIs keep names and targets, never actuals
// (measurements belong to the original map). The template is a frozen copy: later edits of the
// source map do not change it. Editors create; owners and admins rename and delete.
import { and, asc, eq } from "drizzle-orm";
import * as Y from "yjs";
import { z } from "zod";
import type { Database } from "@/db/client";
import { findMap } from "@/db/queries/maps";
import { mapTemplates } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { applyExport, createMapDocument, readMap, setTitle, summarizeEmotions, toExport, ZMapExport, type MapExport } from "./map-document";
import { readMapDocument } from "./map-documents";

import { TEMPLATE_LANES, type TemplateLane } from "./map-templates-lanes";

export { TEMPLATE_LANES, type TemplateLane };
export const MAX_TEMPLATES_PER_WORKSPACE = 100;

export const ZTemplateName = z.string().trim().min(1, "name_required").max(120, "name_too_long");
export const ZTemplateDescription = z.string().trim().max(500, "description_too_long").optional().default("");
/** Built-in lane names, or `lane:{id}` for a custom lane of the map. */
export const ZKeptLanes = z.array(z.union([z.enum(TEMPLATE_LANES), z.string().regex(/^lane:[A-Za-z0-9_-]{1,64}$/)])).max(100);

export type WorkspaceTemplatePreview = {
  id: string;
  name: string;
  description: string;
  cyclic: boolean;
  stages: { name: string; touchpoints: string[] }[];
  touchpointCount: number;
  emotions: (number | null)[];
  keptLanes: string[];
  createdAt: Date;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The map's export with only the kept lanes' content (pure: also used by tests). */
export function stripToTemplate(data: MapExport, keep: ReadonlySet<string>, name: string): MapExport {
  const k = (lane: TemplateLane) => keep.has(lane);
  return {
    ...data,
    title: name,
    personaIds: [],
    gapNotes: [],
    lanes: data.lanes,
    touchpoints: data.touchpoints.map((t) => ({
      ...t,
      channel: k("channel") ? t.channel : "",
      device: k("device") ? t.device : "",
      department: k("department") ? t.department : "",
      owner: k("owner") ? t.owner : "",
      activity: k("activity") ? t.activity : "",
      goal: k("goal") ? t.goal : "",
      informationNeeded: k("informationNeeded") ? t.informationNeeded : "",
      thoughts: k("thoughts") ? t.thoughts : "",
      emotion: k("emotion") ? t.emotion : null,
      // A template has no personas, no pair and no people: their ratings, links and ids stay behind.
      personaEmotions: {},
      sourceTouchpointId: null,
      futureStatus: null,
      departmentId: k("department") ? t.departmentId : null,
      ownerId: null,
      momentOfTruth: k("momentOfTruth") ? t.momentOfTruth : false,
      momentOfTruthKind: k("momentOfTruth") ? t.momentOfTruthKind : null,
      painPoints: k("painPoints") ? t.painPoints : [],
      painPointDetails: k("painPoints") ? t.painPointDetails : [],
      opportunities: k("opportunities") ? t.opportunities : [],
      opportunityDetails: k("opportunities") ? t.opportunityDetails : [],
      systems: k("systems") ? t.systems : [],
      kpis: k("kpis") ? t.kpis.map((x) => ({ ...x, actual: null })) : [],
      evidence: k("evidence") ? t.evidence : [],
      laneValues: Object.fromEntries(Object.entries(t.laneValues ?? {}).filter(([laneId]) => keep.has(`lane:${laneId}`))),
    })),
  };
}

export async function createMapTemplate(
  db: Database,
  o: { workspaceId: string; mapId: string; userId: string; name: string; description?: string; keptLanes: string[] },
): Promise<{ id: string }> {
  const name = ZTemplateName.parse(o.name);
  const description = ZTemplateDescription.parse(o.description);
  const keptLanes = ZKeptLanes.parse(o.keptLanes);
  if (!(await findMap(db, o.workspaceId, o.mapId))) throw new AppError("not_found");
  const existing = await db.select({ id: mapTemplates.id }).from(mapTemplates).where(eq(mapTemplates.workspaceId, o.workspaceId));
  if (existing.length >= MAX_TEMPLATES_PER_WORKSPACE) throw new AppError("conflict", `at most ${MAX_TEMPLATES_PER_WORKSPACE} templates per workspace`);
  const source = await readMapDocument(db, o.workspaceId, o.mapId);
  const raw = toExport(source, o.mapId);
  const data = ZMapExport.parse(stripToTemplate(ZMapExport.parse({ ...raw, title: raw.title || name }), new Set(keptLanes), name));
  const doc = createMapDocument({ title: name });
  applyExport(doc, data);
  const [row] = await db
    .insert(mapTemplates)
    .values({ workspaceId: o.workspaceId, name, description, state: Y.encodeStateAsUpdate(doc), keptLanes, sourceMapId: o.mapId, createdBy: o.userId })
    .returning({ id: mapTemplates.id });
  doc.destroy();
  return row;
}

/** The workspace's templates with previews (stages, first touchpoints, the curve), oldest first. */
export async function listMapTemplates(db: Database, workspaceId: string): Promise<WorkspaceTemplatePreview[]> {
  const rows = await db.select().from(mapTemplates).where(eq(mapTemplates.workspaceId, workspaceId)).orderBy(asc(mapTemplates.createdAt), asc(mapTemplates.id));
  return rows.map((r) => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, r.state);
    const map = readMap(doc);
    doc.destroy();
    const titles = new Map(map.touchpoints.map((t) => [t.id, t.title]));
    return {
      id: r.id,
      name: r.name,
      description: r.description,
      cyclic: map.cyclic,
      stages: map.stages.map((s) => ({ name: s.name, touchpoints: s.touchpointIds.map((id) => titles.get(id) ?? "") })),
      touchpointCount: map.touchpoints.length,
      emotions: summarizeEmotions(map).curve,
      keptLanes: r.keptLanes,
      createdAt: r.createdAt,
    };
  });
}

/** A new map document from a workspace template, titled `title` (fresh ids so maps never share touchpoint ids). */
export async function buildFromWorkspaceTemplate(db: Database, workspaceId: string, templateId: string, title: string): Promise<Y.Doc> {
  if (!UUID.test(templateId)) throw new AppError("not_found");
  const [row] = await db.select({ state: mapTemplates.state }).from(mapTemplates).where(and(eq(mapTemplates.id, templateId.toLowerCase()), eq(mapTemplates.workspaceId, workspaceId)));
  if (!row) throw new AppError("not_found");
  const source = new Y.Doc();
  Y.applyUpdate(source, row.state);
  const data = toExport(source, "");
  source.destroy();
  const doc = createMapDocument({ title });
  // Without ids, applyExport gives every touchpoint a new id.
  applyExport(doc, ZMapExport.parse({ ...data, title, touchpoints: data.touchpoints.map(({ id: _id, ...t }) => t) }));
  setTitle(doc, title);
  return doc;
}

export async function renameMapTemplate(db: Database, o: { workspaceId: string; templateId: string; name: string; description?: string }): Promise<void> {
  const name = ZTemplateName.parse(o.name);
  if (!UUID.test(o.templateId)) throw new AppError("not_found");
  const patch: Partial<typeof mapTemplates.$inferInsert> = { name, updatedAt: new Date() };
  if (o.description !== undefined) patch.description = ZTemplateDescription.parse(o.description);
  const rows = await db.update(mapTemplates).set(patch).where(and(eq(mapTemplates.id, o.templateId.toLowerCase()), eq(mapTemplates.workspaceId, o.workspaceId))).returning({ id: mapTemplates.id });
  if (!rows.length) throw new AppError("not_found");
}

export async function deleteMapTemplate(db: Database, o: { workspaceId: string; templateId: string }): Promise<void> {
  if (!UUID.test(o.templateId)) throw new AppError("not_found");
  const rows = await db.delete(mapTemplates).where(and(eq(mapTemplates.id, o.templateId.toLowerCase()), eq(mapTemplates.workspaceId, o.workspaceId))).returning({ id: mapTemplates.id });
  if (!rows.length) throw new AppError("not_found");
}
