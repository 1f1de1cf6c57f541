// What the map editor screen loads besides the live document: the map's row, the workspace's
// personas to link. Every query is scoped by workspace.
import { and, asc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { journeyMaps, personas } from "../schema";

/** A map of the workspace that is not deleted, or null (also when it belongs to another workspace). */
export async function findMapForEditor(db: DbOrTx, workspaceId: string, mapId: string) {
  const [row] = await db
    .select({ id: journeyMaps.id, title: journeyMaps.title, state: journeyMaps.state, updatedAt: journeyMaps.updatedAt })
    .from(journeyMaps)
    .where(and(eq(journeyMaps.id, mapId), eq(journeyMaps.workspaceId, workspaceId), isNull(journeyMaps.deletedAt)))
    .limit(1);
  return row ?? null;
}

/** The workspace's personas (not deleted) a map can be linked to. */
export async function listPersonaOptions(db: DbOrTx, workspaceId: string) {
  return db
    .select({ id: personas.id, name: personas.name, segment: personas.segment, avatarColor: personas.avatarColor })
    .from(personas)
    .where(and(eq(personas.workspaceId, workspaceId), isNull(personas.deletedAt)))
    .orderBy(asc(personas.name));
}
