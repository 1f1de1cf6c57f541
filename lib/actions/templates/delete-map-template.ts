"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { deleteMapTemplate } from "@/lib/maps/map-templates";

/** Deletes a workspace template (owners and admins); maps made from it are not affected. */
export const deleteMapTemplateAction = workspaceAction("manage_workspace", z.object({ templateId: z.uuid() }), async (input, { db, userId, access }) => {
  await deleteMapTemplate(db, { workspaceId: access.workspaceId, templateId: input.templateId });
  await recordAuditEvent(db, { action: "template.deleted", actorId: userId, workspaceId: access.workspaceId, targetType: "map_template", targetId: input.templateId });
  revalidatePath(`/w/${access.slug}/maps`);
  return { ok: true };
});
