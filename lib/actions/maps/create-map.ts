"use server";
import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { workspaceAction } from "@/lib/actions/safe-action";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { z } from "zod";
import { createMap } from "@/lib/maps/create-map";
import { buildFromWorkspaceTemplate } from "@/lib/maps/map-templates";
import { ZCreateMap } from "@/lib/validations/maps";

/** Creates a blank map, one from a built-in template (content in the user's language) or from a workspace template. */
export const createMapAction = workspaceAction("edit", ZCreateMap.extend({ workspaceTemplateId: z.uuid().optional() }), async (input, { db, userId, access }) => {
  const locale = input.locale ?? ((await getLocale()) === "de" ? "de" : "en");
  const doc = input.workspaceTemplateId ? await buildFromWorkspaceTemplate(db, access.workspaceId, input.workspaceTemplateId, input.title) : undefined;
  const map = await createMap(db, { workspaceId: access.workspaceId, userId, title: input.title, template: input.template, locale, doc });
  await recordAuditEvent(db, { action: "map.created", actorId: userId, workspaceId: access.workspaceId, targetType: "map", targetId: map.id, metadata: input.workspaceTemplateId ? { workspaceTemplateId: input.workspaceTemplateId } : { template: input.template } });
  revalidatePath(`/w/${access.slug}/maps`);
  return { id: map.id };
});
