// "Still true?": records that a team reviewed the map (freshness on the dashboard and home page).
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { journeyMaps } from "@/db/schema";
import { AppError } from "@/lib/errors";

export async function markMapReviewed(db: DbOrTx, { workspaceId, mapId }: { workspaceId: string; mapId: string }): Promise<Date> {
  const reviewedAt = new Date();
  const rows = await db
    .update(journeyMaps)
    .set({ reviewedAt })
    .where(and(eq(journeyMaps.id, mapId), eq(journeyMaps.workspaceId, workspaceId), isNull(journeyMaps.deletedAt)))
    .returning({ id: journeyMaps.id });
  if (rows.length === 0) throw new AppError("not_found");
  return reviewedAt;
}
