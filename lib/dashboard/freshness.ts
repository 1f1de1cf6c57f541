// Panel "Freshness": maps nobody has reviewed or changed within their review interval (per map,
// else the workspace default), with their owners — maps go stale, and a stale map misleads. Also
// flags owners (of maps and of touchpoints) who are no longer members of the workspace.
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { auditEvents, journeyMaps, mapTouchpoints, memberships, users } from "@/db/schema";
import type { TDashboardFilters } from "./filters";
import { isDueForReview, lastTouched as lastTouchedSql, reviewIntervalDays, DEFAULT_REVIEW_INTERVAL_DAYS } from "./review-interval";
import { mapScopeWithContent } from "./scope";

/** The default review interval: a map is stale when neither changed nor reviewed for this many days. */
export const STALE_AFTER_DAYS = DEFAULT_REVIEW_INTERVAL_DAYS;

/** An owner (of a map, or named on a touchpoint) who has left the workspace. */
export type FormerOwner = { mapId: string; title: string; touchpointId: string | null; touchpointTitle: string | null; owner: string };

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
  /** The map's review interval (its own, else the workspace default). */
  intervalDays?: number;
  /** False when the map's owner is no longer a member of the workspace. */
  ownerIsMember?: boolean;
};
export type Freshness = {
  stale: StaleMap[];
  /** Maps in scope (stale or not). */
  maps: number;
  staleCount: number;
  /** Map and touchpoint owners who left the workspace (maps in scope, stale or not). */
  formerOwners?: FormerOwner[];
};

const DAY = 86_400_000;

export async function getFreshness(
  db: DbOrTx,
  workspaceId: string,
  filters: TDashboardFilters,
  options: { now?: Date; limit?: number } = {},
): Promise<Freshness> {
  const now = options.now ?? new Date();
  const scope = mapScopeWithContent(workspaceId, filters);
  const lastTouched = lastTouchedSql;
  const isStale = isDueForReview(now);
  const ownerIsMember = sql<boolean>`exists (select 1 from ${memberships} where ${memberships.workspaceId} = ${journeyMaps.workspaceId} and ${memberships.userId} = ${journeyMaps.ownerId})`;
  const [rows, [counts], formerOwners] = await Promise.all([
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
        intervalDays: reviewIntervalDays,
        ownerIsMember,
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
    listFormerOwners(db, workspaceId, scope),
  ]);
  return {
    stale: rows.map((r) => {
      const last = Math.max(r.updatedAt.getTime(), r.reviewedAt?.getTime() ?? 0);
      return { ...r, ownerIsMember: r.ownerId ? r.ownerIsMember : true, daysStale: Math.floor((now.getTime() - last) / DAY) };
    }),
    maps: counts.maps,
    staleCount: counts.staleCount,
    formerOwners,
  };
}

/**
 * Owners who left: a map's owner without a membership, and touchpoints whose owner (free text)
 * names a person who was a member (the audit log says they left or were removed) and is not now.
 */
async function listFormerOwners(db: DbOrTx, workspaceId: string, scope: ReturnType<typeof mapScopeWithContent>): Promise<FormerOwner[]> {
  const mapOwners = await db
    .select({ mapId: journeyMaps.id, title: journeyMaps.title, name: users.name, email: users.email })
    .from(journeyMaps)
    .innerJoin(users, eq(users.id, journeyMaps.ownerId))
    .leftJoin(memberships, and(eq(memberships.workspaceId, journeyMaps.workspaceId), eq(memberships.userId, journeyMaps.ownerId)))
    .where(and(scope, isNull(memberships.userId)))
    .orderBy(asc(journeyMaps.title))
    .limit(50);
  const left = await db
    .selectDistinct({ name: users.name, email: users.email })
    .from(auditEvents)
    .innerJoin(users, eq(users.id, auditEvents.targetId))
    .leftJoin(memberships, and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, users.id)))
    .where(and(eq(auditEvents.workspaceId, workspaceId), inArray(auditEvents.action, ["member.left", "member.removed"]), isNull(memberships.userId)));
  const names = [...new Set(left.flatMap((u) => [u.name, u.email]).filter((n): n is string => Boolean(n && n.trim())).map((n) => n.trim().toLowerCase()))];
  const touchpoints = names.length
    ? await db
        .select({ mapId: journeyMaps.id, title: journeyMaps.title, touchpointId: mapTouchpoints.touchpointId, touchpointTitle: mapTouchpoints.title, owner: mapTouchpoints.owner })
        .from(mapTouchpoints)
        .innerJoin(journeyMaps, eq(journeyMaps.id, mapTouchpoints.mapId))
        .where(and(scope, eq(mapTouchpoints.workspaceId, workspaceId), inArray(sql`lower(trim(${mapTouchpoints.owner}))`, names)))
        .orderBy(asc(journeyMaps.title), asc(mapTouchpoints.position))
        .limit(100)
    : [];
  return [
    ...mapOwners.map((m) => ({ mapId: m.mapId, title: m.title, touchpointId: null, touchpointTitle: null, owner: m.name ?? m.email })),
    ...touchpoints,
  ];
}
