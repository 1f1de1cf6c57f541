// Soft-deletes a persona (restorable; its document and map links are kept until purged) and restores it.
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { personas } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";

export type DeletePersonaOptions = { workspaceId: string; personaId: string; userId: string | null };

export async function deletePersona(db: DbOrTx, { workspaceId, personaId, userId }: DeletePersonaOptions): Promise<void> {
  const rows = await db
    .update(personas)
    .set({ deletedAt: new Date() })
    .where(and(eq(personas.id, personaId), eq(personas.workspaceId, workspaceId), isNull(personas.deletedAt)))
    .returning({ id: personas.id, name: personas.name });
  if (rows.length === 0) throw new AppError("not_found");
  await recordAuditEvent(db, { action: "persona.deleted", actorId: userId, workspaceId, targetType: "persona", targetId: personaId, metadata: { name: rows[0].name } });
}

/** Undoes a delete. */
export async function restorePersona(db: DbOrTx, { workspaceId, personaId }: Omit<DeletePersonaOptions, "userId">): Promise<void> {
  const rows = await db
    .update(personas)
    .set({ deletedAt: null })
    .where(and(eq(personas.id, personaId), eq(personas.workspaceId, workspaceId), isNotNull(personas.deletedAt)))
    .returning({ id: personas.id });
  if (rows.length === 0) throw new AppError("not_found");
}
