// Adds a vocabulary term or changes one (term and synonyms), then refreshes the workspace's gaps.
// Admins and owners only; a term id of another workspace is not found.
import { and, eq, max, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { vocabularyTerms, type VocabularyKind } from "@/db/schema";
import { can } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { loadActorRole } from "@/lib/members/load-actor-role";
import { isUniqueViolation } from "@/lib/workspaces/is-unique-violation";
import { refreshWorkspaceGaps } from "./refresh-workspace-gaps";

export const MAX_VOCABULARY_TERMS = 200;

export type SaveVocabularyTermOptions = {
  workspaceId: string;
  actorId: string;
  kind: VocabularyKind;
  /** Absent: a new term. */
  termId?: string;
  term: string;
  synonyms: string[];
};

/** Synonyms without duplicates (case-insensitive) and without the term itself. */
export function cleanSynonyms(term: string, synonyms: string[]): string[] {
  const seen = new Set([term.trim().toLowerCase()]);
  const out: string[] = [];
  for (const s of synonyms.map((x) => x.trim())) {
    if (!s || seen.has(s.toLowerCase())) continue;
    seen.add(s.toLowerCase());
    out.push(s);
  }
  return out;
}

export async function saveVocabularyTerm(db: Database, o: SaveVocabularyTermOptions): Promise<{ id: string }> {
  const term = o.term.trim();
  const synonyms = cleanSynonyms(term, o.synonyms);
  let id: string;
  try {
    id = await db.transaction(async (tx) => {
      if (!can(await loadActorRole(tx, o.workspaceId, o.actorId), "manage_workspace")) throw new AppError("forbidden");
      const [clash] = await tx
        .select({ id: vocabularyTerms.id })
        .from(vocabularyTerms)
        .where(and(eq(vocabularyTerms.workspaceId, o.workspaceId), eq(vocabularyTerms.kind, o.kind), eq(sql`lower(${vocabularyTerms.term})`, term.toLowerCase())))
        .limit(1);
      if (clash && clash.id !== o.termId) throw new AppError("conflict", "term_taken", { term: "term_taken" });
      if (o.termId) {
        const [row] = await tx
          .update(vocabularyTerms)
          .set({ term, synonyms })
          .where(and(eq(vocabularyTerms.id, o.termId), eq(vocabularyTerms.workspaceId, o.workspaceId), eq(vocabularyTerms.kind, o.kind)))
          .returning({ id: vocabularyTerms.id });
        if (!row) throw new AppError("not_found");
        return row.id;
      }
      const [{ count, last }] = await tx
        .select({ count: sql<number>`count(*)::int`, last: max(vocabularyTerms.position) })
        .from(vocabularyTerms)
        .where(eq(vocabularyTerms.workspaceId, o.workspaceId));
      if (count >= MAX_VOCABULARY_TERMS) throw new AppError("conflict", "term_limit", { term: "term_limit" });
      const [row] = await tx
        .insert(vocabularyTerms)
        .values({ workspaceId: o.workspaceId, kind: o.kind, term, synonyms, position: (last ?? -1) + 1 })
        .returning({ id: vocabularyTerms.id });
      return row.id;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", "term_taken", { term: "term_taken" });
    throw err;
  }
  await refreshWorkspaceGaps(db, o.workspaceId);
  return { id };
}
