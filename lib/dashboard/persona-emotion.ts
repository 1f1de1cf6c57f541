// "The emotion of a touchpoint" for dashboard figures under the persona filter (issue 13): with
// exactly one persona selected it is that persona's rating (touchpoint_persona_emotions), falling
// back to the touchpoint's default emotion where that persona was not rated — so a map whose
// personas were never rated separately still shows its one curve. With no or several personas
// selected it is the default emotion.
import { sql, type SQL } from "drizzle-orm";
import { mapTouchpoints } from "@/db/schema";
import type { TDashboardFilters } from "./filters";

/** The persona whose ratings the emotion figures use, or null (default emotion). */
export function emotionPersona(filters: TDashboardFilters): string | null {
  return filters.personas.length === 1 ? filters.personas[0] : null;
}

/** SQL for the effective emotion of the `map_touchpoints` row in the query (an int or null). */
export function touchpointEmotion(filters: TDashboardFilters): SQL<number | null> {
  const personaId = emotionPersona(filters);
  if (!personaId) return sql<number | null>`${mapTouchpoints.emotion}`;
  // Fully qualified names: drizzle leaves columns unqualified in single-table selects, which would
  // make the correlated subquery compare its own columns.
  return sql<number | null>`coalesce((select tpe.emotion from touchpoint_persona_emotions tpe where tpe.map_id = "map_touchpoints"."map_id" and tpe.touchpoint_id = "map_touchpoints"."touchpoint_id" and tpe.persona_id = ${personaId}), "map_touchpoints"."emotion")::int`;
}
