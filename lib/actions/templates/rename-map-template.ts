"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { renameMapTemplate, ZTemplateDescription, ZTemplateName } from "@/lib/maps/map-templates";

/** Renames a workspace template (owners and admins). */
export const renameMapTemplateAction = workspaceAction(
  "manage_workspace",
  z.object({ templateId: z.uuid(), name: ZTemplateName, description: ZTemplateDescription }),
  async (input, { db, userId, access }) => {
    await renameMapTemplate(db, { workspaceId: access.workspaceId, templateId: input.templateId, name: input.name, description: input.description });
    await recordAuditEvent(db, { action: "template.renamed", actorId: userId, workspaceId: access.workspaceId, targetType: "map_template", targetId: input.templateId, metadata: { name: input.name } });
    revalidatePath(`/w/${access.slug}/maps`);
    return { ok: true };
  },
);
