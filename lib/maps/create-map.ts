// Creates a map: its row and the initial state of its document `map:{id}` (blank or from a
// template), projected at once so lists and dashboards show it before anyone opens it.
import * as Y from "yjs";
import type { Database } from "@/db/client";
import { insertDocumentSnapshot } from "@/db/queries/collab-documents";
import { findMapSummary, type MapSummary } from "@/db/queries/maps";
import { journeyMaps } from "@/db/schema";
import { readMap } from "./map-document";
import { mapDocName } from "./map-documents";
import { projectMap } from "./project-map";
import { buildTemplate, type TemplateKey, type TemplateLocale } from "./templates";

export type CreateMapOptions = {
  workspaceId: string;
  userId: string | null;
  title: string;
  template?: TemplateKey;
  /** Language of the template's content. */
  locale?: TemplateLocale;
  ownerDepartment?: string | null;
  /** A ready document instead of a template (duplicating, seeding). */
  doc?: Y.Doc;
};

export async function createMap(db: Database, options: CreateMapOptions): Promise<MapSummary> {
  const template = options.template ?? "blank";
  const doc = options.doc ?? buildTemplate(template, options.locale ?? "en", options.title);
  const map = readMap(doc);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(journeyMaps)
      .values({
        workspaceId: options.workspaceId,
        title: map.title || options.title,
        state: map.state,
        outcome: map.outcome,
        cyclic: map.cyclic,
        ownerDepartment: options.ownerDepartment ?? null,
        ownerId: options.userId,
        templateKey: options.doc ? null : template,
        createdBy: options.userId,
        updatedBy: options.userId,
      })
      .returning({ id: journeyMaps.id });
    await insertDocumentSnapshot(tx, mapDocName(row.id), options.workspaceId, Y.encodeStateAsUpdate(doc));
    await projectMap(tx, { workspaceId: options.workspaceId, mapId: row.id, map, updatedBy: options.userId, initial: true });
    return row.id;
  });
  return (await findMapSummary(db, options.workspaceId, id))!;
}
