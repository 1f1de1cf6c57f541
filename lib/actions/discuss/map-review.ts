"use server";
// Review cadence and the activity feed of a map, from the editor.
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { getMapActivity } from "@/lib/activity/get-map-activity";
import { findMap } from "@/db/queries/maps";
import { AppError } from "@/lib/errors";
import { getMapReviewInfo, updateMapReviewSettings } from "@/lib/reviews/map-review-settings";
import { ZReviewIntervalDays } from "@/lib/validations/comments";
import { ZMapRef } from "@/lib/validations/maps";
import { actionBaseUrl } from "./action-base-url";

export const getMapReviewInfoAction = workspaceAction("read", ZMapRef, async (input, { db, access }) => getMapReviewInfo(db, access.workspaceId, input.mapId));

export const updateMapReviewSettingsAction = workspaceAction(
  "edit",
  ZMapRef.extend({ ownerId: z.string().min(1).max(100).nullable().optional(), intervalDays: ZReviewIntervalDays.nullable().optional() }),
  async (input, { db, access, userId }) => {
    await updateMapReviewSettings(db, {
      workspaceId: access.workspaceId, slug: access.slug, mapId: input.mapId, actorId: userId,
      ownerId: input.ownerId, intervalDays: input.intervalDays, baseUrl: await actionBaseUrl(),
    });
    return getMapReviewInfo(db, access.workspaceId, input.mapId);
  },
);

export const getMapActivityAction = workspaceAction("read", ZMapRef, async (input, { db, access }) => {
  if (!(await findMap(db, access.workspaceId, input.mapId))) throw new AppError("not_found");
  return getMapActivity(db, { workspaceId: access.workspaceId, mapId: input.mapId });
});
