// Changes a map's linked personas, state (current/future) and owner department.
// Personas and state live in the document (editors see them at once); the owner department is
// row-only metadata for lists and freshness.
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { listDepartments } from "@/db/queries/departments";
import { findMap } from "@/db/queries/maps";
import { journeyMaps, personas } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { readMap, setPersonaIds, setState, type MapState } from "./map-document";
import { editMapDocument } from "./map-documents";
import { projectMap } from "./project-map";

export type UpdateMapSettingsOptions = {
  workspaceId: string;
  mapId: string;
  userId: string | null;
  personaIds?: string[];
  state?: MapState;
  ownerDepartment?: string | null;
};

export async function updateMapSettings(db: Database, options: UpdateMapSettingsOptions): Promise<void> {
  const { workspaceId, mapId, userId } = options;
  if (!(await findMap(db, workspaceId, mapId))) throw new AppError("not_found");
  if (options.personaIds?.length) {
    const found = await db
      .select({ id: personas.id })
      .from(personas)
      .where(and(eq(personas.workspaceId, workspaceId), inArray(personas.id, options.personaIds), isNull(personas.deletedAt)));
    if (found.length !== new Set(options.personaIds).size) throw new AppError("invalid_input", undefined, { personaIds: "unknown_persona" });
  }
  if (options.ownerDepartment) {
    const names = (await listDepartments(db, workspaceId)).map((d) => d.name);
    if (!names.includes(options.ownerDepartment)) throw new AppError("invalid_input", undefined, { ownerDepartment: "unknown_department" });
  }
  if (options.personaIds !== undefined || options.state !== undefined) {
    let projected: ReturnType<typeof readMap> | null = null;
    await editMapDocument(db, workspaceId, mapId, (doc) => {
      if (options.personaIds !== undefined) setPersonaIds(doc, options.personaIds);
      if (options.state !== undefined) setState(doc, options.state);
      projected = readMap(doc);
    });
    // Project now so the list filters by the new personas/state without waiting for the debounced hook.
    if (projected) await projectMap(db, { workspaceId, mapId, map: projected, updatedBy: userId });
  }
  if (options.ownerDepartment !== undefined) {
    await db
      .update(journeyMaps)
      .set({ ownerDepartment: options.ownerDepartment || null, updatedAt: new Date(), updatedBy: userId })
      .where(and(eq(journeyMaps.id, mapId), eq(journeyMaps.workspaceId, workspaceId)));
  }
}
