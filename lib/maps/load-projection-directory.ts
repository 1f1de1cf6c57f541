// What a map's projection needs from its workspace besides the document (issue 13): departments
// and members (to resolve references by id) and the vocabulary (to compare channels and devices).
// Three small indexed queries per projection.
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { departments, memberships, users } from "@/db/schema";
import type { GapNormaliser, ReferenceDirectory } from "./map-document";
import { listVocabulary } from "@/lib/vocabularies/list-vocabulary";
import { createVocabularyNormaliser } from "@/lib/vocabularies/normalise";

export type ProjectionDirectory = ReferenceDirectory & { normalise: GapNormaliser };

/** Members as owners: the display name, else the e-mail's local part (as the editor's people list shows them). */
export async function listOwnerDirectory(db: DbOrTx, workspaceId: string): Promise<ReferenceDirectory> {
  const [deps, members] = await Promise.all([
    db.select({ id: departments.id, name: departments.name }).from(departments).where(eq(departments.workspaceId, workspaceId)),
    db
      .select({ userId: memberships.userId, name: users.name, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.workspaceId, workspaceId)),
  ]);
  return { departments: deps, members: members.map((m) => ({ userId: m.userId, name: m.name?.trim() || m.email.split("@")[0] })) };
}

export async function loadProjectionDirectory(db: DbOrTx, workspaceId: string): Promise<ProjectionDirectory> {
  const [dir, terms] = await Promise.all([listOwnerDirectory(db, workspaceId), listVocabulary(db, workspaceId)]);
  return { ...dir, normalise: createVocabularyNormaliser(terms) };
}
