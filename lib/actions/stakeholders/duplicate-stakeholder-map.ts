"use server";
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { workspaceAction } from "@/lib/actions/safe-action";
import { duplicateStakeholderMap } from "@/lib/stakeholders/duplicate-stakeholder-map";

export const duplicateStakeholderMapAction = workspaceAction("edit", z.object({ mapId: z.uuid() }), async (input, { db, userId, access }) => {
  const t = await getTranslations("stakeholders");
  const map = await duplicateStakeholderMap(db, { workspaceId: access.workspaceId, userId, mapId: input.mapId, copySuffix: t("copySuffix") });
  return { id: map.id };
});
