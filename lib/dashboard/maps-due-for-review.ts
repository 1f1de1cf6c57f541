// Workspace home: maps I own that nobody changed or reviewed within their review interval.
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { journeyMaps } from "@/db/schema";
import type { StaleMap } from "./freshness";
import { isDueForReview, lastTouched } from "./review-interval";

export async function getMapsDueForReview(
  db: DbOrTx,
  workspaceId: string,
  userId: string,
  options: { now?: Date; limit?: number } = {},
): Promise<Pick<StaleMap, "mapId" | "title" | "state" | "updatedAt" | "reviewedAt" | "daysStale">[]> {
  const now = options.now ?? new Date();
  const rows = await db
    .select({ mapId: journeyMaps.id, title: journeyMaps.title, state: journeyMaps.state, updatedAt: journeyMaps.updatedAt, reviewedAt: journeyMaps.reviewedAt })
    .from(journeyMaps)
    .where(and(eq(journeyMaps.workspaceId, workspaceId), isNull(journeyMaps.deletedAt), eq(journeyMaps.ownerId, userId), isDueForReview(now)))
    .orderBy(sql`${lastTouched} asc`, asc(journeyMaps.title))
    .limit(options.limit ?? 10);
  return rows.map((r) => ({
    ...r,
    daysStale: Math.floor((now.getTime() - Math.max(r.updatedAt.getTime(), r.reviewedAt?.getTime() ?? 0)) / 86_400_000),
  }));
}
