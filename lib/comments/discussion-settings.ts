// Workspace discussion settings (viewers may comment; default review interval). No row = defaults.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { discussionSettings } from "@/db/schema";

export type DiscussionSettings = { viewersMayComment: boolean; reviewIntervalDays: number };
export const DEFAULT_DISCUSSION_SETTINGS: DiscussionSettings = { viewersMayComment: true, reviewIntervalDays: 90 };

export async function getDiscussionSettings(db: DbOrTx, workspaceId: string): Promise<DiscussionSettings> {
  const [row] = await db
    .select({ viewersMayComment: discussionSettings.viewersMayComment, reviewIntervalDays: discussionSettings.reviewIntervalDays })
    .from(discussionSettings)
    .where(eq(discussionSettings.workspaceId, workspaceId))
    .limit(1);
  return row ?? DEFAULT_DISCUSSION_SETTINGS;
}

export async function updateDiscussionSettings(db: DbOrTx, workspaceId: string, patch: Partial<DiscussionSettings>): Promise<DiscussionSettings> {
  const next = { ...(await getDiscussionSettings(db, workspaceId)), ...patch };
  await db
    .insert(discussionSettings)
    .values({ workspaceId, ...next })
    .onConflictDoUpdate({ target: discussionSettings.workspaceId, set: next });
  return next;
}
