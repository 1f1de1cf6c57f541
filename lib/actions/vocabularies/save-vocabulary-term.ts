"use server";
import { workspaceAction } from "@/lib/actions/safe-action";
import { ZSaveVocabularyTerm } from "@/lib/validations/vocabularies";
import { saveVocabularyTerm } from "@/lib/vocabularies/save-vocabulary-term";

export const saveVocabularyTermAction = workspaceAction("manage_workspace", ZSaveVocabularyTerm, async (input, { db, userId, access }) =>
  saveVocabularyTerm(db, { workspaceId: access.workspaceId, actorId: userId, kind: input.kind, termId: input.termId, term: input.term, synonyms: input.synonyms }),
);
