// The workspace's vocabulary terms, channel and device, in display order.
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { vocabularyTerms, type VocabularyKind } from "@/db/schema";

export type VocabularyTermRow = { id: string; kind: VocabularyKind; term: string; synonyms: string[]; position: number };

export async function listVocabulary(db: DbOrTx, workspaceId: string, kind?: VocabularyKind): Promise<VocabularyTermRow[]> {
  return db
    .select({ id: vocabularyTerms.id, kind: vocabularyTerms.kind, term: vocabularyTerms.term, synonyms: vocabularyTerms.synonyms, position: vocabularyTerms.position })
    .from(vocabularyTerms)
    .where(kind ? and(eq(vocabularyTerms.workspaceId, workspaceId), eq(vocabularyTerms.kind, kind)) : eq(vocabularyTerms.workspaceId, workspaceId))
    .orderBy(asc(vocabularyTerms.kind), asc(vocabularyTerms.position), asc(vocabularyTerms.term));
}
