"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { markMapReviewed } from "@/lib/maps/mark-map-reviewed";
import { ZReviewNote } from "@/lib/validations/comments";
import { ZMapRef } from "@/lib/validations/maps";

export const markMapReviewedAction = workspaceAction("edit", ZMapRef.extend({ note: ZReviewNote }), async (input, { db, access, userId }) => {
  const reviewedAt = await markMapReviewed(db, { workspaceId: access.workspaceId, mapId: input.mapId, reviewerId: userId, note: input.note });
  revalidatePath(`/w/${access.slug}/maps`);
  return { reviewedAt: reviewedAt.toISOString() };
});

export type MarkMapReviewedInput = z.input<typeof ZMapRef> & { note: string };
