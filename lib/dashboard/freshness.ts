// Panel "Freshness": maps nobody has reviewed or changed for a long time, with their owners —
// maps go stale, and a stale map misleads.
import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { journeyMaps, users } from "@/db/schema";
import type { TDashboardFilters } from "./filters";
import { mapScopeWithContent } from "./scope";

/** A map is stale when neither changed nor reviewed for this many days. */
export const STALE_AFTER_DAYS = 90;

export type StaleMap = {
  mapId: string;
  title: string;
  state: "current" | "future";
  ownerDepartment: string | null;
  ownerId: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
  updatedAt: Date;
  reviewedAt: Date | null;
  /** Whole days since the later of the last change and the last review. */
  daysStale: number;
};
export type Freshness = { stale: StaleMap[]; /** Maps in scope (stale or not). */ maps: number; staleCount: number };

const DAY = 86_400_000;

export async function getFreshness(
  db: DbOrTx,
  workspaceId: string,
  filters: TDashboardFilters,
  options: { now?: Date; limit?: number } = {},
): Promise<Freshness> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - STALE_AFTER_DAYS * DAY);
  const scope = mapScopeWithContent(workspaceId, filters);
  const lastTouched = sql`greatest(${journeyMaps.updatedAt}, coalesce(${journeyMaps.reviewedAt}, ${journeyMaps.updatedAt}))`;
  const isStale = sql`${lastTouched} < ${cutoff.toISOString()}::timestamptz`;
  const [rows, [counts]] = await Promise.all([
    db
      .select({
        mapId: journeyMaps.id,
        title: journeyMaps.title,
        state: journeyMaps.state,
        ownerDepartment: journeyMaps.ownerDepartment,
        ownerId: journeyMaps.ownerId,
        ownerName: users.name,
        ownerEmail: users.email,
        updatedAt: journeyMaps.updatedAt,
        reviewedAt: journeyMaps.reviewedAt,
      })
      .from(journeyMaps)
      .leftJoin(users, eq(users.id, journeyMaps.ownerId))
      .where(and(scope, isStale))
      .orderBy(sql`${lastTouched} asc`, asc(journeyMaps.title))
      .limit(options.limit ?? 50),
    db
      .select({ maps: sql<number>`count(*)::int`, staleCount: sql<number>`count(*) filter (where ${isStale})::int` })
      .from(journeyMaps)
      .where(scope),
  ]);
  return {
    stale: rows.map((r) => {
      const last = Math.max(r.updatedAt.getTime(), r.reviewedAt?.getTime() ?? 0);
      return { ...r, daysStale: Math.floor((now.getTime() - last) / DAY) };
    }),
    maps: counts.maps,
    staleCount: counts.staleCount,
  };
}
