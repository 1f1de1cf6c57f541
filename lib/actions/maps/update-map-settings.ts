"use server";
import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/safe-action";
import { updateMapSettings } from "@/lib/maps/update-map-settings";
import { ZUpdateMapSettings } from "@/lib/validations/maps";

/** Linked personas, state (current/future) and owner department of a map. */
export const updateMapSettingsAction = workspaceAction("edit", ZUpdateMapSettings, async (input, { db, userId, access }) => {
  await updateMapSettings(db, { workspaceId: access.workspaceId, userId, ...input });
  revalidatePath(`/w/${access.slug}/maps`);
  return { updated: true };
});
