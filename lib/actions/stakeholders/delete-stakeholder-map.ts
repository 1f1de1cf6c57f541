"use server";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { refreshLiveDocument } from "@/lib/personas/document-store";
import { deleteStakeholderMap, restoreStakeholderMap } from "@/lib/stakeholders/delete-stakeholder-map";
import { stakeholderMapDocName } from "@/lib/live-documents/doc-name";

export const deleteStakeholderMapAction = workspaceAction("edit", z.object({ mapId: z.uuid() }), async (input, { db, userId, access }) => {
  await deleteStakeholderMap(db, { workspaceId: access.workspaceId, mapId: input.mapId, userId });
  await refreshLiveDocument(stakeholderMapDocName(input.mapId));
  return { deleted: true };
});

export const restoreStakeholderMapAction = workspaceAction("edit", z.object({ mapId: z.uuid() }), async (input, { db, access }) => {
  await restoreStakeholderMap(db, { workspaceId: access.workspaceId, mapId: input.mapId });
  return { restored: true };
});
