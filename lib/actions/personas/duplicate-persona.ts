"use server";
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { workspaceAction } from "@/lib/actions/safe-action";
import { duplicatePersona } from "@/lib/personas/duplicate-persona";

export const duplicatePersonaAction = workspaceAction("edit", z.object({ personaId: z.uuid() }), async (input, { db, userId, access }) => {
  const t = await getTranslations("personas");
  const persona = await duplicatePersona(db, { workspaceId: access.workspaceId, userId, personaId: input.personaId, copySuffix: t("copySuffix") });
  return { id: persona.id };
});
