"use server";
// Workspace discussion settings (admins): viewers may comment; default review interval.
import { z } from "zod";
import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/safe-action";
import { updateDiscussionSettings } from "@/lib/comments/discussion-settings";
import { ZReviewIntervalDays } from "@/lib/validations/comments";

export const updateDiscussionSettingsAction = workspaceAction(
  "manage_workspace",
  z.object({ viewersMayComment: z.boolean(), reviewIntervalDays: ZReviewIntervalDays }),
  async (input, { db, access }) => {
    const next = await updateDiscussionSettings(db, access.workspaceId, input);
    revalidatePath(`/w/${access.slug}/settings`);
    return next;
  },
);
