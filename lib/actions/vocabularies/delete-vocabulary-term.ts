"use server";
import { workspaceAction } from "@/lib/actions/safe-action";
import { ZDeleteVocabularyTerm } from "@/lib/validations/vocabularies";
import { deleteVocabularyTerm } from "@/lib/vocabularies/delete-vocabulary-term";

export const deleteVocabularyTermAction = workspaceAction("manage_workspace", ZDeleteVocabularyTerm, async (input, { db, userId, access }) => {
  await deleteVocabularyTerm(db, { workspaceId: access.workspaceId, actorId: userId, termId: input.termId });
  return null;
});
