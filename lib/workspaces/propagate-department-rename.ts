// A renamed department reaches everything that names it (issue 13). Maps hold the department by id
// (touchpoint/opportunity `departmentId`) and readers resolve the id to the current name, so the
// documents need no rewrite: only the projection's display columns are updated here (the next
// projection of a map resolves the same name). Stakeholder maps wire department stakeholders by
// name, so their documents are edited (old name → new name, case-insensitively) and re-projected.
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database, DbOrTx } from "@/db/client";
import { mapTouchpoints, stakeholderMaps, stakeholders, touchpointOpportunities } from "@/db/schema";
import { getDocumentStore } from "@/lib/personas/document-store";
import { readMap, renameDepartmentInDocument } from "@/lib/maps/map-document";
import { editMapDocument, readMapDocument } from "@/lib/maps/map-documents";
import { projectMap } from "@/lib/maps/project-map";
import { projectStakeholderMap } from "@/lib/stakeholders/project-stakeholder-map";
import { readStakeholderMap, updateStakeholder } from "@/lib/stakeholders/stakeholder-document";

/** Inside the rename's transaction: the display name in the maps' projection. */
export async function renameDepartmentInProjection(tx: DbOrTx, workspaceId: string, departmentId: string, name: string): Promise<void> {
  await tx.update(mapTouchpoints).set({ department: name }).where(and(eq(mapTouchpoints.workspaceId, workspaceId), eq(mapTouchpoints.departmentId, departmentId)));
  await tx
    .update(touchpointOpportunities)
    .set({ department: name })
    .where(and(eq(touchpointOpportunities.workspaceId, workspaceId), eq(touchpointOpportunities.departmentId, departmentId)));
}

/** After the rename: department stakeholders named `from` now name `to`. */
export async function renameDepartmentInStakeholderMaps(db: Database, workspaceId: string, from: string, to: string): Promise<number> {
  const affected = await db
    .selectDistinct({ id: stakeholders.stakeholderMapId })
    .from(stakeholders)
    .innerJoin(stakeholderMaps, eq(stakeholderMaps.id, stakeholders.stakeholderMapId))
    .where(
      and(
        eq(stakeholders.workspaceId, workspaceId),
        eq(stakeholders.type, "department"),
        sql`lower(${stakeholders.department}) = lower(${from})`,
        isNull(stakeholderMaps.deletedAt),
      ),
    );
  const store = getDocumentStore(db);
  for (const { id } of affected) {
    const docName = `stakeholders:${id}`;
    await store.edit(docName, workspaceId, (doc) => {
      for (const s of readStakeholderMap(doc).stakeholders) {
        if (s.type === "department" && (s.department ?? "").toLowerCase() === from.toLowerCase()) updateStakeholder(doc, s.id, { department: to });
      }
    });
    const doc = await store.read(docName, workspaceId);
    await projectStakeholderMap(db, workspaceId, id, doc);
    doc.destroy();
  }
  return affected.length;
}

/**
 * After the rename: maps whose touchpoints or opportunities belong to the department get the id and
 * the new name written into their documents (this persists the lazy migration of old documents that
 * named the department without an id — otherwise the old name would match nothing any more), then
 * are projected again. Edits go through the live document, so open editors see them at once.
 */
export async function renameDepartmentInMaps(db: Database, workspaceId: string, department: { id: string; from: string; to: string }): Promise<number> {
  const fromTouchpoints = await db
    .selectDistinct({ mapId: mapTouchpoints.mapId })
    .from(mapTouchpoints)
    .where(and(eq(mapTouchpoints.workspaceId, workspaceId), eq(mapTouchpoints.departmentId, department.id)));
  const fromOpportunities = await db
    .selectDistinct({ mapId: touchpointOpportunities.mapId })
    .from(touchpointOpportunities)
    .where(and(eq(touchpointOpportunities.workspaceId, workspaceId), eq(touchpointOpportunities.departmentId, department.id)));
  const mapIds = [...new Set([...fromTouchpoints, ...fromOpportunities].map((r) => r.mapId))];
  for (const mapId of mapIds) {
    let changed = 0;
    await editMapDocument(db, workspaceId, mapId, (doc) => {
      changed = renameDepartmentInDocument(doc, department);
    });
    if (!changed) continue;
    const doc = await readMapDocument(db, workspaceId, mapId);
    await projectMap(db, { workspaceId, mapId, map: readMap(doc) });
    doc.destroy();
  }
  return mapIds.length;
}
