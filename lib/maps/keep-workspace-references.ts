// Import and REST PUT (issue 13): department and owner ids in a map export are kept only when they
// belong to the target workspace (its departments, its members); others are dropped, the display
// names stay and are matched by name on the next projection.
import type { DbOrTx } from "@/db/client";
import { keepKnownReferences, type MapExport } from "./map-document";
import { listOwnerDirectory } from "./load-projection-directory";

export async function keepWorkspaceReferences(db: DbOrTx, workspaceId: string, data: MapExport): Promise<MapExport> {
  const hasIds = data.touchpoints.some((t) => t.departmentId || t.ownerId || t.opportunityDetails?.some((o) => o.departmentId));
  if (!hasIds) return data;
  const dir = await listOwnerDirectory(db, workspaceId);
  const known = { departmentIds: new Set(dir.departments.map((d) => d.id)), memberIds: new Set(dir.members.map((m) => m.userId)) };
  return { ...data, touchpoints: keepKnownReferences(data.touchpoints, known) };
}
