// Adds the built-in suggestions (English or German) to the workspace's lists; terms it already has
// (in any case) are skipped, so pressing it twice changes nothing. Also used by the demo seed.
import { sql } from "drizzle-orm";
import type { Database, DbOrTx } from "@/db/client";
import { vocabularyTerms, type VocabularyKind } from "@/db/schema";
import { can } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { loadActorRole } from "@/lib/members/load-actor-role";
import { listVocabulary } from "./list-vocabulary";
import { refreshWorkspaceGaps } from "./refresh-workspace-gaps";
import { SUGGESTED_VOCABULARY, type VocabularyEntry, type VocabularyLocale } from "./suggestions";

/** Inserts entries the workspace lacks (no authorisation: for the seed and the action below). */
export async function insertVocabularyEntries(db: DbOrTx, workspaceId: string, entries: { kind: VocabularyKind; entry: VocabularyEntry }[]): Promise<number> {
  const existing = await listVocabulary(db, workspaceId);
  const have = new Set(existing.map((t) => `${t.kind}|${t.term.toLowerCase()}`));
  let position = existing.reduce((m, t) => Math.max(m, t.position), -1);
  const rows = [];
  for (const { kind, entry } of entries) {
    const k = `${kind}|${entry.term.toLowerCase()}`;
    if (have.has(k)) continue;
    have.add(k);
    rows.push({ workspaceId, kind, term: entry.term, synonyms: entry.synonyms, position: ++position });
  }
  if (rows.length) await db.insert(vocabularyTerms).values(rows).onConflictDoNothing();
  return rows.length;
}

export type AddSuggestedVocabularyOptions = { workspaceId: string; actorId: string; locale: VocabularyLocale; kind?: VocabularyKind };

export async function addSuggestedVocabulary(db: Database, { workspaceId, actorId, locale, kind }: AddSuggestedVocabularyOptions): Promise<number> {
  const added = await db.transaction(async (tx) => {
    if (!can(await loadActorRole(tx, workspaceId, actorId), "manage_workspace")) throw new AppError("forbidden");
    // Serialise concurrent presses within the workspace.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`vocabulary:${workspaceId}`}))`);
    const kinds: VocabularyKind[] = kind ? [kind] : ["channel", "device"];
    return insertVocabularyEntries(tx, workspaceId, kinds.flatMap((k) => SUGGESTED_VOCABULARY[k][locale].map((entry) => ({ kind: k, entry }))));
  });
  if (added) await refreshWorkspaceGaps(db, workspaceId);
  return added;
}
