// Persona rows and the journeys linked to them. Every query is scoped by workspace.
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { journeyMaps, mapPersonas, mapTouchpoints, personas } from "../schema";

/** Persona columns for lists (never the image bytes). */
const summary = {
  id: personas.id,
  name: personas.name,
  segment: personas.segment,
  quote: personas.quote,
  avatarColor: personas.avatarColor,
  hasAvatarImage: sql<boolean>`${personas.avatarImage} is not null`,
  archivedAt: personas.archivedAt,
  createdAt: personas.createdAt,
  updatedAt: personas.updatedAt,
};
export type PersonaSummary = {
  id: string;
  name: string;
  segment: string;
  quote: string;
  avatarColor: string;
  hasAvatarImage: boolean;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  mapCount: number;
};

/** The workspace's personas (not deleted), archived ones only when asked, with their number of maps. */
export async function listPersonas(db: DbOrTx, workspaceId: string, options: { includeArchived?: boolean } = {}): Promise<PersonaSummary[]> {
  const rows = await db
    .select({
      ...summary,
      mapCount: sql<number>`(select count(*)::int from ${mapPersonas} mp join ${journeyMaps} jm on jm.id = mp.map_id
        where mp.persona_id = "personas"."id" and mp.workspace_id = ${workspaceId} and jm.deleted_at is null)`,
    })
    .from(personas)
    .where(and(eq(personas.workspaceId, workspaceId), isNull(personas.deletedAt), options.includeArchived ? undefined : isNull(personas.archivedAt)))
    .orderBy(asc(personas.name));
  return rows.map((r) => ({ ...r, hasAvatarImage: Boolean(r.hasAvatarImage), mapCount: Number(r.mapCount) }));
}

/** One persona (not deleted) of the workspace, without image bytes. */
export async function findPersona(db: DbOrTx, workspaceId: string, id: string) {
  const [row] = await db
    .select({ ...summary, workspaceId: personas.workspaceId, deletedAt: personas.deletedAt })
    .from(personas)
    .where(and(eq(personas.id, id), eq(personas.workspaceId, workspaceId), isNull(personas.deletedAt)))
    .limit(1);
  return row ? { ...row, hasAvatarImage: Boolean(row.hasAvatarImage) } : null;
}

/** The workspace of a persona (deleted ones included), for API handlers that start from an id. */
export async function findPersonaWorkspace(db: DbOrTx, id: string): Promise<string | null> {
  const [row] = await db.select({ workspaceId: personas.workspaceId }).from(personas).where(and(eq(personas.id, id), isNull(personas.deletedAt))).limit(1);
  return row?.workspaceId ?? null;
}

/** A deleted persona of the workspace (for restore). */
export async function findDeletedPersona(db: DbOrTx, workspaceId: string, id: string) {
  const [row] = await db
    .select({ id: personas.id, name: personas.name, deletedAt: personas.deletedAt })
    .from(personas)
    .where(and(eq(personas.id, id), eq(personas.workspaceId, workspaceId)))
    .limit(1);
  return row?.deletedAt ? row : null;
}

/** The uploaded avatar of a persona, or null. */
export async function findPersonaAvatar(db: DbOrTx, workspaceId: string, id: string) {
  const [row] = await db
    .select({ image: personas.avatarImage, mime: personas.avatarMime, updatedAt: personas.updatedAt })
    .from(personas)
    .where(and(eq(personas.id, id), eq(personas.workspaceId, workspaceId), isNull(personas.deletedAt)))
    .limit(1);
  return row?.image && row.mime ? { image: row.image, mime: row.mime, updatedAt: row.updatedAt } : null;
}

/** Writes the projection of a persona document (what lists and cards show). */
export async function updatePersonaProjection(
  db: DbOrTx,
  workspaceId: string,
  id: string,
  values: { name: string; segment: string; quote: string; avatarColor: string },
): Promise<void> {
  await db
    .update(personas)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(personas.id, id), eq(personas.workspaceId, workspaceId)));
}

export type PersonaMap = {
  id: string;
  title: string;
  state: "current" | "future";
  updatedAt: Date;
  avgEmotion: number | null;
  touchpoints: { id: string; title: string; stageName: string; position: number; emotion: number | null; momentOfTruth: boolean }[];
};

/** The maps linked to a persona (not deleted), with their touchpoints in journey order for curves. */
export async function listPersonaMaps(db: DbOrTx, workspaceId: string, personaId: string): Promise<PersonaMap[]> {
  const maps = await db
    .select({ id: journeyMaps.id, title: journeyMaps.title, state: journeyMaps.state, updatedAt: journeyMaps.updatedAt, avgEmotion: journeyMaps.avgEmotion })
    .from(mapPersonas)
    .innerJoin(journeyMaps, and(eq(journeyMaps.id, mapPersonas.mapId), eq(journeyMaps.workspaceId, workspaceId)))
    .where(and(eq(mapPersonas.personaId, personaId), eq(mapPersonas.workspaceId, workspaceId), isNull(journeyMaps.deletedAt)))
    .orderBy(asc(journeyMaps.title), desc(journeyMaps.updatedAt));
  if (maps.length === 0) return [];
  const tps = await db
    .select({
      mapId: mapTouchpoints.mapId,
      id: mapTouchpoints.touchpointId,
      title: mapTouchpoints.title,
      stageName: mapTouchpoints.stageName,
      position: mapTouchpoints.position,
      emotion: mapTouchpoints.emotion,
      momentOfTruth: mapTouchpoints.momentOfTruth,
    })
    .from(mapTouchpoints)
    .where(and(eq(mapTouchpoints.workspaceId, workspaceId), inArray(mapTouchpoints.mapId, maps.map((m) => m.id))))
    .orderBy(asc(mapTouchpoints.position));
  return maps.map((m) => ({
    ...m,
    touchpoints: tps.filter((t) => t.mapId === m.id).map(({ mapId: _mapId, ...t }) => t),
  }));
}

export type CoverageCell = { personaId: string; mapId: string; title: string; state: "current" | "future"; updatedAt: Date; avgEmotion: number | null };

/** Every (persona, map) link of the workspace, for the personas × processes coverage matrix. */
export async function listPersonaCoverage(db: DbOrTx, workspaceId: string): Promise<CoverageCell[]> {
  return db
    .select({
      personaId: mapPersonas.personaId,
      mapId: journeyMaps.id,
      title: journeyMaps.title,
      state: journeyMaps.state,
      updatedAt: journeyMaps.updatedAt,
      avgEmotion: journeyMaps.avgEmotion,
    })
    .from(mapPersonas)
    .innerJoin(journeyMaps, and(eq(journeyMaps.id, mapPersonas.mapId), eq(journeyMaps.workspaceId, workspaceId)))
    .innerJoin(personas, and(eq(personas.id, mapPersonas.personaId), eq(personas.workspaceId, workspaceId)))
    .where(and(eq(mapPersonas.workspaceId, workspaceId), isNull(journeyMaps.deletedAt), isNull(personas.deletedAt)))
    .orderBy(asc(journeyMaps.title), asc(journeyMaps.state));
}

/** Titles of the workspace's maps that no persona is linked to yet (processes without coverage). */
export async function listUnlinkedMapTitles(db: DbOrTx, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ title: journeyMaps.title })
    .from(journeyMaps)
    .where(
      and(
        eq(journeyMaps.workspaceId, workspaceId),
        isNull(journeyMaps.deletedAt),
        sql`not exists (select 1 from ${mapPersonas} mp where mp.map_id = "journey_maps"."id")`,
      ),
    )
    .orderBy(asc(journeyMaps.title));
  return rows.map((r) => r.title);
}
