"use server";
import { workspaceAction } from "@/lib/actions/safe-action";
import { ZAddSuggestedVocabulary } from "@/lib/validations/vocabularies";
import { addSuggestedVocabulary } from "@/lib/vocabularies/add-suggested-vocabulary";

export const addSuggestedVocabularyAction = workspaceAction("manage_workspace", ZAddSuggestedVocabulary, async (input, { db, userId, access }) => ({
  added: await addSuggestedVocabulary(db, { workspaceId: access.workspaceId, actorId: userId, locale: input.locale, kind: input.kind }),
}));
