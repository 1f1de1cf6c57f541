"use server";
import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { workspaceAction } from "@/lib/actions/safe-action";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { createMap } from "@/lib/maps/create-map";
import { ZCreateMap } from "@/lib/validations/maps";

/** Creates a blank map or one from a template (content in the user's language). */
export const createMapAction = workspaceAction("edit", ZCreateMap, async (input, { db, userId, access }) => {
  const locale = input.locale ?? ((await getLocale()) === "de" ? "de" : "en");
  const map = await createMap(db, { workspaceId: access.workspaceId, userId, title: input.title, template: input.template, locale });
  await recordAuditEvent(db, { action: "map.created", actorId: userId, workspaceId: access.workspaceId, targetType: "map", targetId: map.id, metadata: { template: input.template } });
  revalidatePath(`/w/${access.slug}/maps`);
  return { id: map.id };
});
