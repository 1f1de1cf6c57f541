// The relational projection of the "curves" parts of a map document (issue 13): the emotion per
// touchpoint per linked persona and the journey KPIs. Called by projectMap inside its transaction,
// after the map's other rows are rewritten.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { mapJourneyKpis, touchpointPersonaEmotions } from "@/db/schema";
import type { MapData } from "./map-document";

const CHUNK = 500;

/**
 * Rewrites touchpoint_persona_emotions and map_journey_kpis of one map. Only ratings of personas in
 * `personaIds` (the map's linked personas that exist in the workspace) are kept: a rating for a
 * persona that was unlinked stays in the document but no longer counts anywhere.
 */
export async function projectCurves(tx: DbOrTx, { workspaceId, mapId, map, personaIds }: { workspaceId: string; mapId: string; map: MapData; personaIds: string[] }): Promise<void> {
  await tx.delete(touchpointPersonaEmotions).where(eq(touchpointPersonaEmotions.mapId, mapId));
  await tx.delete(mapJourneyKpis).where(eq(mapJourneyKpis.mapId, mapId));
  const valid = new Set(personaIds);
  const rows = map.touchpoints.flatMap((t) =>
    Object.entries(t.personaEmotions)
      .filter(([personaId]) => valid.has(personaId))
      .map(([personaId, emotion]) => ({ mapId, workspaceId, touchpointId: t.id, personaId, emotion })),
  );
  for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(touchpointPersonaEmotions).values(rows.slice(i, i + CHUNK));
  if (map.journeyKpis.length) {
    await tx.insert(mapJourneyKpis).values(
      map.journeyKpis.map((k, position) => ({
        mapId, workspaceId, kpiId: k.id, position, name: k.name, metric: k.metric, target: k.target, actual: k.actual, unit: k.unit, higherIsBetter: k.higherIsBetter,
      })),
    );
  }
}
