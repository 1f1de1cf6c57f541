"use server";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { createStakeholderMap } from "@/lib/stakeholders/create-stakeholder-map";
import { STAKEHOLDER_LIMITS } from "@/lib/stakeholders/stakeholder-document";

export const createStakeholderMapAction = workspaceAction(
  "edit",
  z.object({ title: z.string().trim().min(1).max(STAKEHOLDER_LIMITS.title) }),
  async (input, { db, userId, access }) => {
    const map = await createStakeholderMap(db, { workspaceId: access.workspaceId, userId, content: { title: input.title } });
    return { id: map.id };
  },
);
