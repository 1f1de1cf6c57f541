// Input schemas for workspace vocabularies (channel and device terms with synonyms). Messages are
// keys of the `vocab.settings.errors` namespace.
import { z } from "zod";

export const ZVocabularyKind = z.enum(["channel", "device"]);
export const ZVocabularyText = z.string().trim().min(1, "term_required").max(60, "term_too_long");

export const ZSaveVocabularyTerm = z.object({
  kind: ZVocabularyKind,
  termId: z.uuid().optional(),
  term: ZVocabularyText,
  synonyms: z.array(ZVocabularyText).max(30, "too_many_synonyms").default([]),
});
export const ZDeleteVocabularyTerm = z.object({ termId: z.uuid() });
export const ZAddSuggestedVocabulary = z.object({ locale: z.enum(["en", "de"]), kind: ZVocabularyKind.optional() });

/** "Web, Homepage ,  Online" → ["Web", "Homepage", "Online"] (the settings form's one text field). */
export function splitSynonyms(text: string): string[] {
  return text.split(/[,;\n]/).map((s) => s.trim()).filter(Boolean);
}
