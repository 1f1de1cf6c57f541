// Replaces a map's content with a validated export (REST PUT): applied through the live document
// in one transaction (open editors see it at once), then projected.
import type { Database } from "@/db/client";
import { applyExport, readMap, type MapData, type MapExport } from "./map-document";
import { editMapDocument } from "./map-documents";
import { projectMap } from "./project-map";
import { keepWorkspaceReferences } from "./keep-workspace-references";

export async function replaceMapContent(
  db: Database,
  { workspaceId, mapId, data, userId }: { workspaceId: string; mapId: string; data: MapExport; userId: string | null },
): Promise<MapData> {
  data = await keepWorkspaceReferences(db, workspaceId, data);
  let result: MapData | null = null;
  await editMapDocument(db, workspaceId, mapId, (doc) => {
    applyExport(doc, data);
    result = readMap(doc);
  });
  await projectMap(db, { workspaceId, mapId, map: result!, updatedBy: userId });
  return result!;
}
