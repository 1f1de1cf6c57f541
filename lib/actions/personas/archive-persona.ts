"use server";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { archivePersona } from "@/lib/personas/archive-persona";

export const archivePersonaAction = workspaceAction("edit", z.object({ personaId: z.uuid(), archived: z.boolean() }), async (input, { db, access }) => {
  await archivePersona(db, { workspaceId: access.workspaceId, personaId: input.personaId, archived: input.archived });
  return { archived: input.archived };
});
