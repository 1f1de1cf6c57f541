// Stakeholder maps, their stakeholder projection, and the department ⇄ touchpoint wiring.
// Every query is scoped by workspace.
import { and, asc, avg, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { journeyMaps, mapTouchpoints, stakeholderMaps, stakeholders } from "../schema";

export type StakeholderMapSummary = {
  id: string;
  title: string;
  createdAt: Date;
  updatedAt: Date;
  stakeholderCount: number;
  departmentCount: number;
};

/** The workspace's stakeholder maps (not deleted), most recently changed first. */
export async function listStakeholderMaps(db: DbOrTx, workspaceId: string): Promise<StakeholderMapSummary[]> {
  const rows = await db
    .select({
      id: stakeholderMaps.id,
      title: stakeholderMaps.title,
      createdAt: stakeholderMaps.createdAt,
      updatedAt: stakeholderMaps.updatedAt,
      stakeholderCount: sql<number>`(select count(*)::int from ${stakeholders} s where s.stakeholder_map_id = "stakeholder_maps"."id")`,
      departmentCount: sql<number>`(select count(*)::int from ${stakeholders} s where s.stakeholder_map_id = "stakeholder_maps"."id" and s.type = 'department')`,
    })
    .from(stakeholderMaps)
    .where(and(eq(stakeholderMaps.workspaceId, workspaceId), isNull(stakeholderMaps.deletedAt)))
    .orderBy(desc(stakeholderMaps.updatedAt));
  return rows.map((r) => ({ ...r, stakeholderCount: Number(r.stakeholderCount), departmentCount: Number(r.departmentCount) }));
}

/** One stakeholder map (not deleted) of the workspace. */
export async function findStakeholderMap(db: DbOrTx, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(stakeholderMaps)
    .where(and(eq(stakeholderMaps.id, id), eq(stakeholderMaps.workspaceId, workspaceId), isNull(stakeholderMaps.deletedAt)))
    .limit(1);
  return row ?? null;
}

/** A stakeholder map of the workspace including deleted ones (for restore). */
export async function findStakeholderMapAnyState(db: DbOrTx, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(stakeholderMaps)
    .where(and(eq(stakeholderMaps.id, id), eq(stakeholderMaps.workspaceId, workspaceId)))
    .limit(1);
  return row ?? null;
}

/** The workspace of a stakeholder map (not deleted), for API handlers that start from an id. */
export async function findStakeholderMapWorkspace(db: DbOrTx, id: string): Promise<string | null> {
  const [row] = await db
    .select({ workspaceId: stakeholderMaps.workspaceId })
    .from(stakeholderMaps)
    .where(and(eq(stakeholderMaps.id, id), isNull(stakeholderMaps.deletedAt)))
    .limit(1);
  return row?.workspaceId ?? null;
}

export type StakeholderProjection = { stakeholderId: string; name: string; type: string; ring: string; department: string | null; influence: number };

/** Replaces the projection of one stakeholder map (title and stakeholders) in one transaction. */
export async function replaceStakeholderProjection(
  db: DbOrTx,
  workspaceId: string,
  mapId: string,
  data: { title: string; stakeholders: StakeholderProjection[] },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(stakeholderMaps)
      .set({ ...(data.title.trim() ? { title: data.title.trim() } : {}), updatedAt: new Date() })
      .where(and(eq(stakeholderMaps.id, mapId), eq(stakeholderMaps.workspaceId, workspaceId)))
      .returning({ id: stakeholderMaps.id });
    if (updated.length === 0) return false;
    await tx.delete(stakeholders).where(and(eq(stakeholders.stakeholderMapId, mapId), eq(stakeholders.workspaceId, workspaceId)));
    if (data.stakeholders.length > 0) {
      await tx.insert(stakeholders).values(data.stakeholders.map((s) => ({ ...s, stakeholderMapId: mapId, workspaceId })));
    }
    return true;
  });
}

/** The projected stakeholders of a map. */
export async function listProjectedStakeholders(db: DbOrTx, workspaceId: string, mapId: string) {
  return db
    .select()
    .from(stakeholders)
    .where(and(eq(stakeholders.stakeholderMapId, mapId), eq(stakeholders.workspaceId, workspaceId)))
    .orderBy(asc(stakeholders.name));
}

export type DepartmentTouchpoint = {
  mapId: string;
  mapTitle: string;
  mapState: "current" | "future";
  touchpointId: string;
  title: string;
  stageName: string;
  channel: string;
  owner: string;
  emotion: number | null;
  momentOfTruth: boolean;
};

/** The touchpoints a department owns across all (not deleted) maps of the workspace, in journey order. */
export async function listDepartmentTouchpoints(db: DbOrTx, workspaceId: string, department: string): Promise<DepartmentTouchpoint[]> {
  if (!department.trim()) return [];
  return db
    .select({
      mapId: journeyMaps.id,
      mapTitle: journeyMaps.title,
      mapState: journeyMaps.state,
      touchpointId: mapTouchpoints.touchpointId,
      title: mapTouchpoints.title,
      stageName: mapTouchpoints.stageName,
      channel: mapTouchpoints.channel,
      owner: mapTouchpoints.owner,
      emotion: mapTouchpoints.emotion,
      momentOfTruth: mapTouchpoints.momentOfTruth,
    })
    .from(mapTouchpoints)
    .innerJoin(journeyMaps, and(eq(journeyMaps.id, mapTouchpoints.mapId), eq(journeyMaps.workspaceId, workspaceId)))
    .where(
      and(
        eq(mapTouchpoints.workspaceId, workspaceId),
        sql`lower(${mapTouchpoints.department}) = lower(${department.trim()})`,
        isNull(journeyMaps.deletedAt),
      ),
    )
    .orderBy(asc(journeyMaps.title), asc(mapTouchpoints.position));
}

export type DepartmentStats = { department: string; touchpoints: number; avgEmotion: number | null; momentsOfTruth: number };

/** Per department (case-insensitive): how many touchpoints it owns, their average emotion, moments of truth. */
export async function departmentTouchpointStats(db: DbOrTx, workspaceId: string, departmentNames: string[]): Promise<DepartmentStats[]> {
  const names = [...new Set(departmentNames.map((d) => d.trim().toLowerCase()).filter(Boolean))];
  if (names.length === 0) return [];
  const key = sql<string>`lower(${mapTouchpoints.department})`;
  const rows = await db
    .select({
      department: key,
      touchpoints: count(),
      avgEmotion: avg(mapTouchpoints.emotion),
      momentsOfTruth: sql<number>`count(*) filter (where ${mapTouchpoints.momentOfTruth})::int`,
    })
    .from(mapTouchpoints)
    .innerJoin(journeyMaps, and(eq(journeyMaps.id, mapTouchpoints.mapId), eq(journeyMaps.workspaceId, workspaceId)))
    .where(and(eq(mapTouchpoints.workspaceId, workspaceId), inArray(key, names), isNull(journeyMaps.deletedAt)))
    .groupBy(key);
  return rows.map((r) => ({
    department: r.department,
    touchpoints: Number(r.touchpoints),
    avgEmotion: r.avgEmotion === null ? null : Number(r.avgEmotion),
    momentsOfTruth: Number(r.momentsOfTruth),
  }));
}

/** The first stakeholder of type department with this department name, on a (not deleted) map of the workspace. */
export async function findDepartmentStakeholder(db: DbOrTx, workspaceId: string, department: string) {
  if (!department.trim()) return null;
  const [row] = await db
    .select({ stakeholderMapId: stakeholders.stakeholderMapId, stakeholderId: stakeholders.stakeholderId, name: stakeholders.name, mapTitle: stakeholderMaps.title })
    .from(stakeholders)
    .innerJoin(stakeholderMaps, and(eq(stakeholderMaps.id, stakeholders.stakeholderMapId), eq(stakeholderMaps.workspaceId, workspaceId)))
    .where(
      and(
        eq(stakeholders.workspaceId, workspaceId),
        eq(stakeholders.type, "department"),
        sql`lower(${stakeholders.department}) = lower(${department.trim()})`,
        isNull(stakeholderMaps.deletedAt),
      ),
    )
    .orderBy(desc(stakeholderMaps.updatedAt))
    .limit(1);
  return row ?? null;
}
