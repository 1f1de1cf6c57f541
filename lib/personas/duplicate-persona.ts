// Duplicates a persona: a new persona with a copy of the document's content (and uploaded avatar).
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { personas } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createPersona } from "./create-persona";
import { getDocumentStore, type DocumentStore } from "./document-store";
import { PERSONA_TEXT_LIMITS, toPersonaExport } from "./persona-document";
import { personaDocName } from "@/lib/live-documents/doc-name";

export type DuplicatePersonaOptions = { workspaceId: string; userId: string; personaId: string; copySuffix: string; store?: DocumentStore };

export async function duplicatePersona(db: Database, { workspaceId, userId, personaId, copySuffix, store }: DuplicatePersonaOptions) {
  const [source] = await db
    .select({ id: personas.id, avatarImage: personas.avatarImage, avatarMime: personas.avatarMime })
    .from(personas)
    .where(and(eq(personas.id, personaId), eq(personas.workspaceId, workspaceId), isNull(personas.deletedAt)))
    .limit(1);
  if (!source) throw new AppError("not_found");
  const doc = await (store ?? getDocumentStore(db)).read(personaDocName(personaId), workspaceId);
  const { id: _id, ...content } = toPersonaExport(doc);
  const name = `${content.name || "Persona"} ${copySuffix}`.slice(0, PERSONA_TEXT_LIMITS.name);
  const created = await createPersona(db, { workspaceId, userId, content: { ...content, name } });
  if (source.avatarImage) {
    await db.update(personas).set({ avatarImage: source.avatarImage, avatarMime: source.avatarMime }).where(eq(personas.id, created.id));
  }
  return created;
}
