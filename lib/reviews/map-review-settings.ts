// A map's review cadence: its owner (journey_maps.owner_id, a member) and its interval (own or the
// workspace default). Making someone the owner tells them in their inbox.
import { and, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { journeyMaps, mapReviews, mapReviewSettings, memberships, users } from "@/db/schema";
import { documentPath } from "@/lib/comments/comment-document";
import { getDiscussionSettings } from "@/lib/comments/discussion-settings";
import { AppError } from "@/lib/errors";
import { createNotifications } from "@/lib/notifications/create-notifications";

export type MapReviewInfo = {
  ownerId: string | null;
  ownerName: string | null;
  /** The map's own interval, or null (workspace default applies). */
  intervalDays: number | null;
  effectiveIntervalDays: number;
  reviewedAt: string | null;
  dueAt: string;
  reviews: { id: string; note: string; reviewerName: string | null; createdAt: string }[];
};

export async function getMapReviewInfo(db: DbOrTx, workspaceId: string, mapId: string): Promise<MapReviewInfo> {
  const [map] = await db
    .select({ ownerId: journeyMaps.ownerId, ownerName: users.name, ownerEmail: users.email, reviewedAt: journeyMaps.reviewedAt, updatedAt: journeyMaps.updatedAt, intervalDays: mapReviewSettings.intervalDays })
    .from(journeyMaps)
    .leftJoin(users, eq(users.id, journeyMaps.ownerId))
    .leftJoin(mapReviewSettings, eq(mapReviewSettings.mapId, journeyMaps.id))
    .where(and(eq(journeyMaps.id, mapId), eq(journeyMaps.workspaceId, workspaceId), isNull(journeyMaps.deletedAt)))
    .limit(1);
  if (!map) throw new AppError("not_found");
  const settings = await getDiscussionSettings(db, workspaceId);
  const effective = map.intervalDays ?? settings.reviewIntervalDays;
  const last = Math.max(map.updatedAt.getTime(), map.reviewedAt?.getTime() ?? 0);
  const reviews = await db
    .select({ id: mapReviews.id, note: mapReviews.note, reviewerName: users.name, reviewerEmail: users.email, createdAt: mapReviews.createdAt })
    .from(mapReviews)
    .leftJoin(users, eq(users.id, mapReviews.reviewerId))
    .where(and(eq(mapReviews.mapId, mapId), eq(mapReviews.workspaceId, workspaceId)))
    .orderBy(desc(mapReviews.createdAt))
    .limit(50);
  return {
    ownerId: map.ownerId,
    ownerName: map.ownerName ?? map.ownerEmail ?? null,
    intervalDays: map.intervalDays ?? null,
    effectiveIntervalDays: effective,
    reviewedAt: map.reviewedAt?.toISOString() ?? null,
    dueAt: new Date(last + effective * 86_400_000).toISOString(),
    reviews: reviews.map((r) => ({ id: r.id, note: r.note, reviewerName: r.reviewerName ?? r.reviewerEmail ?? null, createdAt: r.createdAt.toISOString() })),
  };
}

/** Sets the owner (a member of the workspace, or null) and/or the interval (null = workspace default). */
export async function updateMapReviewSettings(
  db: DbOrTx,
  opts: { workspaceId: string; slug: string; mapId: string; actorId: string; ownerId?: string | null; intervalDays?: number | null; baseUrl: string },
): Promise<void> {
  const { workspaceId, mapId } = opts;
  await db.transaction(async (tx) => {
    const [map] = await tx
      .select({ id: journeyMaps.id, title: journeyMaps.title, ownerId: journeyMaps.ownerId })
      .from(journeyMaps)
      .where(and(eq(journeyMaps.id, mapId), eq(journeyMaps.workspaceId, workspaceId), isNull(journeyMaps.deletedAt)))
      .for("update")
      .limit(1);
    if (!map) throw new AppError("not_found");
    if (opts.ownerId !== undefined && opts.ownerId !== map.ownerId) {
      if (opts.ownerId) {
        const [m] = await tx.select({ u: memberships.userId }).from(memberships)
          .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, opts.ownerId))).limit(1);
        if (!m) throw new AppError("invalid_input", "The owner must be a member of the workspace.", { ownerId: "owner_not_member" });
      }
      await tx.update(journeyMaps).set({ ownerId: opts.ownerId }).where(eq(journeyMaps.id, mapId));
      if (opts.ownerId && opts.ownerId !== opts.actorId) {
        await createNotifications(tx, [{
          workspaceId, userId: opts.ownerId, kind: "map_owner", actorId: opts.actorId,
          docKind: "map", docId: mapId, title: map.title, excerpt: "", path: documentPath({ kind: "map", id: mapId, slug: opts.slug }),
        }], { baseUrl: opts.baseUrl });
      }
    }
    if (opts.intervalDays !== undefined) {
      await tx
        .insert(mapReviewSettings)
        .values({ mapId, workspaceId, intervalDays: opts.intervalDays })
        .onConflictDoUpdate({ target: mapReviewSettings.mapId, set: { intervalDays: opts.intervalDays, remindedAt: null } });
    }
  });
}
