// The WHERE clauses every dashboard panel shares: the workspace, never soft-deleted maps, and the
// filters. Map-level filters apply to `journey_maps`; department and stage narrow touchpoints.
import { and, eq, gte, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { journeyMaps, mapPersonas, mapStages, mapTouchpoints } from "@/db/schema";
import type { TDashboardFilters } from "./filters";

/** Maps of the workspace that pass the map-level filters (persona, state, map ids, since). */
export function mapScope(workspaceId: string, filters: TDashboardFilters): SQL {
  const conditions: (SQL | undefined)[] = [eq(journeyMaps.workspaceId, workspaceId), isNull(journeyMaps.deletedAt)];
  if (filters.state) conditions.push(eq(journeyMaps.state, filters.state));
  if (filters.maps.length) conditions.push(inArray(journeyMaps.id, filters.maps));
  if (filters.since) conditions.push(gte(journeyMaps.updatedAt, filters.since));
  if (filters.personas.length) {
    conditions.push(
      sql`exists (select 1 from ${mapPersonas} where ${mapPersonas.mapId} = ${journeyMaps.id} and ${inArray(mapPersonas.personaId, filters.personas)})`,
    );
  }
  return and(...conditions)!;
}

/**
 * Map-level panels (freshness, activity, curves): the map scope, plus department and stage read as
 * "maps the department owns or works on" and "maps that have this stage".
 */
export function mapScopeWithContent(workspaceId: string, filters: TDashboardFilters): SQL {
  const conditions: (SQL | undefined)[] = [mapScope(workspaceId, filters)];
  if (filters.department) {
    conditions.push(
      or(
        eq(journeyMaps.ownerDepartment, filters.department),
        sql`exists (select 1 from ${mapTouchpoints} where ${mapTouchpoints.mapId} = ${journeyMaps.id} and ${mapTouchpoints.department} = ${filters.department})`,
      ),
    );
  }
  if (filters.stage) {
    conditions.push(
      sql`exists (select 1 from ${mapStages} where ${mapStages.mapId} = ${journeyMaps.id} and ${mapStages.name} = ${filters.stage})`,
    );
  }
  return and(...conditions)!;
}

/** Touchpoints (joined to their map) that pass every filter. */
export function touchpointScope(workspaceId: string, filters: TDashboardFilters): SQL {
  const conditions: (SQL | undefined)[] = [mapScope(workspaceId, filters), eq(mapTouchpoints.workspaceId, workspaceId)];
  if (filters.department) conditions.push(eq(mapTouchpoints.department, filters.department));
  if (filters.stage) conditions.push(eq(mapTouchpoints.stageName, filters.stage));
  return and(...conditions)!;
}

/** Rounds to two decimals for display and exports; keeps null. */
export function round2(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : Math.round(value * 100) / 100;
}
