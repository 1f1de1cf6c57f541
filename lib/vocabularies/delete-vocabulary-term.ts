// Removes a vocabulary term (admins and owners), then refreshes the workspace's gaps.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { vocabularyTerms } from "@/db/schema";
import { can } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { loadActorRole } from "@/lib/members/load-actor-role";
import { refreshWorkspaceGaps } from "./refresh-workspace-gaps";

export type DeleteVocabularyTermOptions = { workspaceId: string; actorId: string; termId: string };

export async function deleteVocabularyTerm(db: Database, { workspaceId, actorId, termId }: DeleteVocabularyTermOptions): Promise<void> {
  await db.transaction(async (tx) => {
    if (!can(await loadActorRole(tx, workspaceId, actorId), "manage_workspace")) throw new AppError("forbidden");
    const [row] = await tx
      .delete(vocabularyTerms)
      .where(and(eq(vocabularyTerms.id, termId), eq(vocabularyTerms.workspaceId, workspaceId)))
      .returning({ id: vocabularyTerms.id });
    if (!row) throw new AppError("not_found");
  });
  await refreshWorkspaceGaps(db, workspaceId);
}
