// A map's review interval in SQL: its own (map_review_settings), else the workspace default
// (discussion_settings), else 90 days. Shared by freshness, "due for review" and reminders.
import { sql, type SQL } from "drizzle-orm";
import { discussionSettings, journeyMaps, mapReviewSettings } from "@/db/schema";

/** Default when neither the map nor the workspace sets one. */
export const DEFAULT_REVIEW_INTERVAL_DAYS = 90;

/** Days (int) — needs no join: correlated subqueries keep every caller's FROM unchanged. */
export const reviewIntervalDays: SQL<number> = sql<number>`coalesce(
  (select ${mapReviewSettings.intervalDays} from ${mapReviewSettings} where ${mapReviewSettings.mapId} = ${journeyMaps.id}),
  (select ${discussionSettings.reviewIntervalDays} from ${discussionSettings} where ${discussionSettings.workspaceId} = ${journeyMaps.workspaceId}),
  ${DEFAULT_REVIEW_INTERVAL_DAYS})::int`;

/** The later of the last change and the last review. */
export const lastTouched: SQL = sql`greatest(${journeyMaps.updatedAt}, coalesce(${journeyMaps.reviewedAt}, ${journeyMaps.updatedAt}))`;

/** The map is due for review at `now`. */
export function isDueForReview(now: Date): SQL {
  return sql`${lastTouched} + make_interval(days => ${reviewIntervalDays}) < ${now.toISOString()}::timestamptz`;
}
