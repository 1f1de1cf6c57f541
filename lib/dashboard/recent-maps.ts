// Workspace home: the most recently changed maps, with who changed them and their emotion curve.
import { and, desc, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { journeyMaps, users } from "@/db/schema";

export type RecentMap = {
  id: string;
  title: string;
  state: "current" | "future";
  ownerDepartment: string | null;
  touchpointCount: number;
  avgEmotion: number | null;
  emotionCurve: (number | null)[];
  updatedAt: Date;
  updatedByName: string | null;
  updatedByEmail: string | null;
};

export async function getRecentMaps(db: DbOrTx, workspaceId: string, limit = 6): Promise<RecentMap[]> {
  return db
    .select({
      id: journeyMaps.id,
      title: journeyMaps.title,
      state: journeyMaps.state,
      ownerDepartment: journeyMaps.ownerDepartment,
      touchpointCount: journeyMaps.touchpointCount,
      avgEmotion: journeyMaps.avgEmotion,
      emotionCurve: journeyMaps.emotionCurve,
      updatedAt: journeyMaps.updatedAt,
      updatedByName: users.name,
      updatedByEmail: users.email,
    })
    .from(journeyMaps)
    .leftJoin(users, eq(users.id, journeyMaps.updatedBy))
    .where(and(eq(journeyMaps.workspaceId, workspaceId), isNull(journeyMaps.deletedAt)))
    .orderBy(desc(journeyMaps.updatedAt), desc(journeyMaps.id))
    .limit(limit);
}
