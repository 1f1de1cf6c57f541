// The JSON shape of a map summary in the REST API (CONTRACT §5: `{id, title, state, updatedAt, …}`).
import type { MapSummary } from "@/db/queries/maps";

export function mapSummaryJson(m: MapSummary) {
  return {
    id: m.id,
    title: m.title,
    state: m.state,
    outcome: m.outcome,
    cyclic: m.cyclic,
    ownerDepartment: m.ownerDepartment,
    templateKey: m.templateKey,
    personaIds: m.personas.map((p) => p.id),
    personas: m.personas.map((p) => ({ id: p.id, name: p.name, avatarColor: p.avatarColor })),
    touchpointCount: m.touchpointCount,
    avgEmotion: m.avgEmotion,
    emotionCurve: m.emotionCurve,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    reviewedAt: m.reviewedAt?.toISOString() ?? null,
  };
}
