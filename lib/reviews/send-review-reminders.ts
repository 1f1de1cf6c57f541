// Review cadence: when a map is due for review (nothing changed or reviewed within its interval),
// its owner — if still a member — gets one reminder per review period in the inbox (and by
// e-mail, following their setting). A review or a change starts a new period.
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { journeyMaps, mapReviewSettings, memberships, workspaces } from "@/db/schema";
import { documentPath } from "@/lib/comments/comment-document";
import { isDueForReview, lastTouched, reviewIntervalDays } from "@/lib/dashboard/review-interval";
import { createNotifications } from "@/lib/notifications/create-notifications";

export async function sendReviewReminders(db: DbOrTx, { now = new Date(), baseUrl }: { now?: Date; baseUrl: string }): Promise<number> {
  const due = await db
    .select({ mapId: journeyMaps.id, workspaceId: journeyMaps.workspaceId, slug: workspaces.slug, title: journeyMaps.title, ownerId: journeyMaps.ownerId, intervalDays: reviewIntervalDays })
    .from(journeyMaps)
    .innerJoin(workspaces, eq(workspaces.id, journeyMaps.workspaceId))
    .innerJoin(memberships, and(eq(memberships.workspaceId, journeyMaps.workspaceId), eq(memberships.userId, journeyMaps.ownerId)))
    .where(
      and(
        isNull(journeyMaps.deletedAt),
        isNotNull(journeyMaps.ownerId),
        isDueForReview(now),
        sql`not exists (select 1 from ${mapReviewSettings} where ${mapReviewSettings.mapId} = ${journeyMaps.id} and ${mapReviewSettings.remindedAt} >= ${lastTouched})`,
      ),
    )
    .limit(1000);
  for (const m of due) {
    await db.transaction(async (tx) => {
      await createNotifications(
        tx,
        [{
          workspaceId: m.workspaceId, userId: m.ownerId!, kind: "review_due", docKind: "map", docId: m.mapId, title: m.title,
          excerpt: "", path: documentPath({ kind: "map", id: m.mapId, slug: m.slug }, null, null) + "?review=1",
        }],
        { baseUrl },
      );
      await tx
        .insert(mapReviewSettings)
        .values({ mapId: m.mapId, workspaceId: m.workspaceId, remindedAt: now })
        .onConflictDoUpdate({ target: mapReviewSettings.mapId, set: { remindedAt: now } });
    });
  }
  return due.length;
}
