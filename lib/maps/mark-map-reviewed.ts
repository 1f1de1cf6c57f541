// "Still true?": records that a team reviewed the map (freshness on the dashboard and home page),
// with the team's note — what changed, what customers say now — listed in the map's history.
// A review starts a new review period: the next reminder goes out when that one is due.
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { journeyMaps, mapReviews, mapReviewSettings } from "@/db/schema";
import { AppError } from "@/lib/errors";

export type MarkMapReviewedOptions = {
  workspaceId: string;
  mapId: string;
  /** Who reviewed (null: unknown, e.g. a script). */
  reviewerId?: string | null;
  /** The review note; when given, the review is listed in the map's history. */
  note?: string;
};

export async function markMapReviewed(db: DbOrTx, { workspaceId, mapId, reviewerId = null, note }: MarkMapReviewedOptions): Promise<Date> {
  const reviewedAt = new Date();
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(journeyMaps)
      .set({ reviewedAt })
      .where(and(eq(journeyMaps.id, mapId), eq(journeyMaps.workspaceId, workspaceId), isNull(journeyMaps.deletedAt)))
      .returning({ id: journeyMaps.id });
    if (rows.length === 0) throw new AppError("not_found");
    if (note !== undefined) await tx.insert(mapReviews).values({ workspaceId, mapId, reviewerId, note, createdAt: reviewedAt });
    await tx.update(mapReviewSettings).set({ remindedAt: null }).where(eq(mapReviewSettings.mapId, mapId));
    return reviewedAt;
  });
}
