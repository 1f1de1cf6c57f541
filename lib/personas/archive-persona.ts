// Archives a persona (hidden from the gallery by default, still linked to its maps) or brings it back.
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { personas } from "@/db/schema";
import { AppError } from "@/lib/errors";

export type ArchivePersonaOptions = { workspaceId: string; personaId: string; archived: boolean };

export async function archivePersona(db: DbOrTx, { workspaceId, personaId, archived }: ArchivePersonaOptions): Promise<void> {
  const rows = await db
    .update(personas)
    .set({ archivedAt: archived ? new Date() : null })
    .where(and(eq(personas.id, personaId), eq(personas.workspaceId, workspaceId), isNull(personas.deletedAt)))
    .returning({ id: personas.id });
  if (rows.length === 0) throw new AppError("not_found");
}
