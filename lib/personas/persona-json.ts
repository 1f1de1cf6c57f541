// JSON shape of a persona in API lists (documented in docs/personas-and-stakeholders.md).
import type { PersonaSummary } from "@/db/queries/personas";

export function personaSummaryJson(p: PersonaSummary) {
  return {
    id: p.id,
    name: p.name,
    segment: p.segment,
    quote: p.quote,
    avatarColor: p.avatarColor,
    avatarUrl: p.hasAvatarImage ? `/api/v1/personas/${p.id}/avatar` : null,
    archived: p.archivedAt !== null,
    mapCount: p.mapCount,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
