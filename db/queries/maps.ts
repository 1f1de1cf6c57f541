// Journey map rows and list queries. Every query is scoped by workspace; search and filters run on
// the relational projection (map_touchpoints, map_personas), never on documents.
import { and, asc, desc, eq, exists, gte, ilike, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { journeyMaps, mapPersonas, mapTouchpoints, personas } from "../schema";

/** Deleted maps stay restorable this long. */
export const MAP_RESTORE_DAYS = 30;

export type MapListFilters = {
  /** Matches the title and every text of the touchpoints (case-insensitive substring). */
  q?: string;
  personaId?: string;
  state?: "current" | "future";
  ownerDepartment?: string;
  /** Changed at or after this moment. */
  since?: Date;
};

export type MapPersonaRef = { id: string; name: string; avatarColor: string; hasAvatarImage: boolean; updatedAt: Date };

export type MapSummary = {
  id: string;
  title: string;
  state: "current" | "future";
  outcome: string;
  cyclic: boolean;
  ownerDepartment: string | null;
  templateKey: string | null;
  touchpointCount: number;
  avgEmotion: number | null;
  emotionCurve: (number | null)[];
  createdAt: Date;
  updatedAt: Date;
  reviewedAt: Date | null;
  personas: MapPersonaRef[];
};

const summaryColumns = {
  id: journeyMaps.id,
  title: journeyMaps.title,
  state: journeyMaps.state,
  outcome: journeyMaps.outcome,
  cyclic: journeyMaps.cyclic,
  ownerDepartment: journeyMaps.ownerDepartment,
  templateKey: journeyMaps.templateKey,
  touchpointCount: journeyMaps.touchpointCount,
  avgEmotion: journeyMaps.avgEmotion,
  emotionCurve: journeyMaps.emotionCurve,
  createdAt: journeyMaps.createdAt,
  updatedAt: journeyMaps.updatedAt,
  reviewedAt: journeyMaps.reviewedAt,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

async function withPersonas(db: DbOrTx, workspaceId: string, rows: Omit<MapSummary, "personas">[]): Promise<MapSummary[]> {
  if (rows.length === 0) return [];
  const links = await db
    .select({
      mapId: mapPersonas.mapId, id: personas.id, name: personas.name, avatarColor: personas.avatarColor,
      hasAvatarImage: sql<boolean>`${personas.avatarImage} is not null`, updatedAt: personas.updatedAt,
    })
    .from(mapPersonas)
    .innerJoin(personas, and(eq(personas.id, mapPersonas.personaId), eq(personas.workspaceId, workspaceId), isNull(personas.deletedAt)))
    .where(and(eq(mapPersonas.workspaceId, workspaceId), inArray(mapPersonas.mapId, rows.map((r) => r.id))))
    .orderBy(asc(personas.name));
  const byMap = new Map<string, MapPersonaRef[]>();
  for (const l of links) {
    const list = byMap.get(l.mapId) ?? [];
    list.push({ id: l.id, name: l.name, avatarColor: l.avatarColor, hasAvatarImage: Boolean(l.hasAvatarImage), updatedAt: l.updatedAt });
    byMap.set(l.mapId, list);
  }
  return rows.map((r) => ({ ...r, personas: byMap.get(r.id) ?? [] }));
}

/** The workspace's maps (not deleted), most recently changed first, filtered. */
export async function listMaps(db: DbOrTx, workspaceId: string, filters: MapListFilters = {}): Promise<MapSummary[]> {
  const conditions = [eq(journeyMaps.workspaceId, workspaceId), isNull(journeyMaps.deletedAt)];
  const q = filters.q?.trim();
  if (q) {
    const pattern = likePattern(q);
    conditions.push(
      or(
        ilike(journeyMaps.title, pattern),
        exists(
          db
            .select({ one: sql`1` })
            .from(mapTouchpoints)
            .where(and(eq(mapTouchpoints.mapId, journeyMaps.id), eq(mapTouchpoints.workspaceId, workspaceId), ilike(mapTouchpoints.searchText, pattern))),
        ),
      )!,
    );
  }
  if (filters.personaId) {
    if (!UUID.test(filters.personaId)) return [];
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(mapPersonas)
          .where(and(eq(mapPersonas.mapId, journeyMaps.id), eq(mapPersonas.personaId, filters.personaId))),
      ),
    );
  }
  if (filters.state) conditions.push(eq(journeyMaps.state, filters.state));
  if (filters.ownerDepartment) conditions.push(eq(journeyMaps.ownerDepartment, filters.ownerDepartment));
  if (filters.since) conditions.push(gte(journeyMaps.updatedAt, filters.since));
  const rows = await db
    .select(summaryColumns)
    .from(journeyMaps)
    .where(and(...conditions))
    .orderBy(desc(journeyMaps.updatedAt), asc(journeyMaps.title));
  return withPersonas(db, workspaceId, rows);
}

/** One map of the workspace as a summary (not deleted), or null. */
export async function findMapSummary(db: DbOrTx, workspaceId: string, mapId: string): Promise<MapSummary | null> {
  if (!UUID.test(mapId)) return null;
  const rows = await db
    .select(summaryColumns)
    .from(journeyMaps)
    .where(and(eq(journeyMaps.id, mapId), eq(journeyMaps.workspaceId, workspaceId), isNull(journeyMaps.deletedAt)))
    .limit(1);
  const [summary] = await withPersonas(db, workspaceId, rows);
  return summary ?? null;
}

/** The map row of the workspace (not deleted), or null (also for another workspace's map). */
export async function findMap(db: DbOrTx, workspaceId: string, mapId: string) {
  if (!UUID.test(mapId)) return null;
  const [row] = await db
    .select()
    .from(journeyMaps)
    .where(and(eq(journeyMaps.id, mapId), eq(journeyMaps.workspaceId, workspaceId), isNull(journeyMaps.deletedAt)))
    .limit(1);
  return row ?? null;
}

/** The workspace a live (not deleted) map belongs to — to check the caller's membership next. */
export async function findMapWorkspaceId(db: DbOrTx, mapId: string): Promise<string | null> {
  if (!UUID.test(mapId)) return null;
  const [row] = await db
    .select({ workspaceId: journeyMaps.workspaceId })
    .from(journeyMaps)
    .where(and(eq(journeyMaps.id, mapId), isNull(journeyMaps.deletedAt)))
    .limit(1);
  return row?.workspaceId ?? null;
}

function restoreCutoff(now = new Date()): Date {
  return new Date(now.getTime() - MAP_RESTORE_DAYS * 24 * 60 * 60 * 1000);
}

/** A deleted map of the workspace that is still restorable, or null. */
export async function findRestorableMap(db: DbOrTx, workspaceId: string, mapId: string) {
  if (!UUID.test(mapId)) return null;
  const [row] = await db
    .select()
    .from(journeyMaps)
    .where(and(eq(journeyMaps.id, mapId), eq(journeyMaps.workspaceId, workspaceId), isNotNull(journeyMaps.deletedAt), gte(journeyMaps.deletedAt, restoreCutoff())))
    .limit(1);
  return row ?? null;
}

export type DeletedMap = { id: string; title: string; state: "current" | "future"; deletedAt: Date; restorableUntil: Date };

/** Recently deleted maps (still restorable), most recent first. */
export async function listDeletedMaps(db: DbOrTx, workspaceId: string): Promise<DeletedMap[]> {
  const rows = await db
    .select({ id: journeyMaps.id, title: journeyMaps.title, state: journeyMaps.state, deletedAt: journeyMaps.deletedAt })
    .from(journeyMaps)
    .where(and(eq(journeyMaps.workspaceId, workspaceId), isNotNull(journeyMaps.deletedAt), gte(journeyMaps.deletedAt, restoreCutoff())))
    .orderBy(desc(journeyMaps.deletedAt));
  return rows.map((r) => ({
    ...r,
    deletedAt: r.deletedAt!,
    restorableUntil: new Date(r.deletedAt!.getTime() + MAP_RESTORE_DAYS * 24 * 60 * 60 * 1000),
  }));
}

/** Owner departments in use on the workspace's maps (for the filter). */
export async function listMapOwnerDepartments(db: DbOrTx, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ name: journeyMaps.ownerDepartment })
    .from(journeyMaps)
    .where(and(eq(journeyMaps.workspaceId, workspaceId), isNull(journeyMaps.deletedAt), isNotNull(journeyMaps.ownerDepartment)))
    .orderBy(asc(journeyMaps.ownerDepartment));
  return rows.map((r) => r.name!).filter(Boolean);
}
