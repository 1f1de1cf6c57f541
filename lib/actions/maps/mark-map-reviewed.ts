"use server";
import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/safe-action";
import { markMapReviewed } from "@/lib/maps/mark-map-reviewed";
import { ZMapRef } from "@/lib/validations/maps";

export const markMapReviewedAction = workspaceAction("edit", ZMapRef, async (input, { db, access }) => {
  const reviewedAt = await markMapReviewed(db, { workspaceId: access.workspaceId, mapId: input.mapId });
  revalidatePath(`/w/${access.slug}/maps`);
  return { reviewedAt: reviewedAt.toISOString() };
});
