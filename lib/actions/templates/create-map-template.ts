"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { createMapTemplate, ZKeptLanes, ZTemplateDescription, ZTemplateName } from "@/lib/maps/map-templates";
import { ZMapId } from "@/lib/validations/maps";

/** Saves a map as a workspace template (editors); field errors are keys in `templates`. */
export const createMapTemplateAction = workspaceAction(
  "edit",
  z.object({ mapId: ZMapId, name: ZTemplateName, description: ZTemplateDescription, keptLanes: ZKeptLanes }),
  async (input, { db, userId, access }) => {
    const template = await createMapTemplate(db, { workspaceId: access.workspaceId, mapId: input.mapId, userId, name: input.name, description: input.description, keptLanes: input.keptLanes });
    await recordAuditEvent(db, { action: "template.created", actorId: userId, workspaceId: access.workspaceId, targetType: "map_template", targetId: template.id, metadata: { mapId: input.mapId, name: input.name } });
    revalidatePath(`/w/${access.slug}/maps`);
    return template;
  },
);
