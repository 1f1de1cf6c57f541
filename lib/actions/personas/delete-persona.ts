"use server";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { deletePersona, restorePersona } from "@/lib/personas/delete-persona";
import { refreshLiveDocument } from "@/lib/personas/document-store";
import { personaDocName } from "@/lib/live-documents/doc-name";

export const deletePersonaAction = workspaceAction("edit", z.object({ personaId: z.uuid() }), async (input, { db, userId, access }) => {
  await deletePersona(db, { workspaceId: access.workspaceId, personaId: input.personaId, userId });
  await refreshLiveDocument(personaDocName(input.personaId));
  return { deleted: true };
});

export const restorePersonaAction = workspaceAction("edit", z.object({ personaId: z.uuid() }), async (input, { db, access }) => {
  await restorePersona(db, { workspaceId: access.workspaceId, personaId: input.personaId });
  return { restored: true };
});
