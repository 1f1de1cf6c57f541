"use server";
import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/safe-action";
import { renameMap } from "@/lib/maps/rename-map";
import { ZRenameMap } from "@/lib/validations/maps";

export const renameMapAction = workspaceAction("edit", ZRenameMap, async (input, { db, userId, access }) => {
  await renameMap(db, { workspaceId: access.workspaceId, mapId: input.mapId, title: input.title, userId });
  revalidatePath(`/w/${access.slug}/maps`);
  return { title: input.title };
});
