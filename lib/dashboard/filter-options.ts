// What the dashboard's filter bar offers: the workspace's personas, departments, stage names and maps.
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { departments, journeyMaps, mapStages, mapTouchpoints, personas } from "@/db/schema";

export type DashboardFilterOptions = {
  personas: { id: string; name: string }[];
  departments: string[];
  stages: string[];
  maps: { id: string; title: string; state: "current" | "future" }[];
};

export async function getDashboardFilterOptions(db: DbOrTx, workspaceId: string): Promise<DashboardFilterOptions> {
  const liveMap = and(eq(journeyMaps.workspaceId, workspaceId), isNull(journeyMaps.deletedAt));
  const [personaRows, departmentRows, touchpointDepartments, stageRows, mapRows] = await Promise.all([
    db
      .select({ id: personas.id, name: personas.name })
      .from(personas)
      .where(and(eq(personas.workspaceId, workspaceId), isNull(personas.deletedAt)))
      .orderBy(asc(personas.name)),
    db.select({ name: departments.name }).from(departments).where(eq(departments.workspaceId, workspaceId)).orderBy(asc(departments.position), asc(departments.name)),
    // Departments typed into touchpoints that are not (yet) in the workspace's list.
    db
      .selectDistinct({ name: mapTouchpoints.department })
      .from(mapTouchpoints)
      .innerJoin(journeyMaps, eq(journeyMaps.id, mapTouchpoints.mapId))
      .where(and(liveMap, eq(mapTouchpoints.workspaceId, workspaceId), sql`${mapTouchpoints.department} <> ''`)),
    db
      .select({ name: mapStages.name, position: sql<number>`avg(${mapStages.position})::float8` })
      .from(mapStages)
      .innerJoin(journeyMaps, eq(journeyMaps.id, mapStages.mapId))
      .where(and(liveMap, eq(mapStages.workspaceId, workspaceId)))
      .groupBy(mapStages.name),
    db
      .select({ id: journeyMaps.id, title: journeyMaps.title, state: journeyMaps.state })
      .from(journeyMaps)
      .where(liveMap)
      .orderBy(asc(journeyMaps.title), asc(journeyMaps.state)),
  ]);
  const deptNames = departmentRows.map((d) => d.name);
  for (const d of touchpointDepartments.map((r) => r.name).sort((a, b) => a.localeCompare(b))) if (!deptNames.includes(d)) deptNames.push(d);
  return {
    personas: personaRows,
    departments: deptNames,
    stages: stageRows.sort((a, b) => a.position - b.position || a.name.localeCompare(b.name)).map((s) => s.name),
    maps: mapRows,
  };
}
