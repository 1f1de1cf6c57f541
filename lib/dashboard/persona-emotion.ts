// "The emotion of a touchpoint" for dashboard figures under the persona filter (issue 13): with
// exactly one persona selected it is that persona's rating (touchpoint_persona_emotions), falling
// back to the touchpoint's default emotion where that persona was not rated — so a map whose
// personas were never rated separately still shows its one curve. With no or several personas
// selected it is the default emotion.
import { sql, type SQL } from "drizzle-orm";
import { mapTouchpoints, touchpointPersonaEmotions } from "@/db/schema";
import type { TDashboardFilters } from "./filters";

/** The persona whose ratings the emotion figures use, or null (default emotion). */
export function emotionPersona(filters: TDashboardFilters): string | null {
  return filters.personas.length === 1 ? filters.personas[0] : null;
}

/** SQL for the effective emotion of the `map_touchpoints` row in the query (an int or null). */
export function touchpointEmotion(filters: TDashboardFilters): SQL<number | null> {
  const personaId = emotionPersona(filters);
  if (!personaId) return sql<number | null>`${mapTouchpoints.emotion}`;
  const e = touchpointPersonaEmotions;
  return sql<number | null>`coalesce((select ${e.emotion} from ${e} where ${e.mapId} = ${mapTouchpoints.mapId} and ${e.touchpointId} = ${mapTouchpoints.touchpointId} and ${e.personaId} = ${personaId}), ${mapTouchpoints.emotion})::int`;
}
