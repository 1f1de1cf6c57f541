// Creates a persona: its row (projection) and the initial state of its document `persona:{id}`.
import * as Y from "yjs";
import type { Database } from "@/db/client";
import { insertDocumentSnapshot } from "@/db/queries/collab-documents";
import { personas } from "@/db/schema";
import { createPersonaDoc, PERSONA_FORMAT, readPersona, type PersonaExportInput } from "./persona-document";
import { personaDocName } from "@/lib/live-documents/doc-name";
import { personaSearchEntries, replaceSearchEntries } from "@/lib/search/search-entries";

export type CreatePersonaOptions = {
  workspaceId: string;
  userId: string | null;
  /** A full export (`journeyboard.persona/v1`, validated here) or just the basics. */
  content: PersonaExportInput | { name: string; segment?: string; quote?: string; avatarColor?: string };
};

/** Throws a ZodError (nothing stored) when the content is invalid. */
export async function createPersona(db: Database, { workspaceId, userId, content }: CreatePersonaOptions) {
  const doc = createPersonaDoc({ ...content, format: PERSONA_FORMAT });
  const data = readPersona(doc);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(personas)
      .values({ workspaceId, name: data.name, segment: data.segment, quote: data.quote, avatarColor: data.avatarColor, createdBy: userId })
      .returning({ id: personas.id, name: personas.name, segment: personas.segment, quote: personas.quote, avatarColor: personas.avatarColor, createdAt: personas.createdAt, updatedAt: personas.updatedAt });
    await insertDocumentSnapshot(tx, personaDocName(row.id), workspaceId, Y.encodeStateAsUpdate(doc));
    await replaceSearchEntries(tx, { workspaceId, docKind: "persona", docId: row.id }, personaSearchEntries(data));
    return row;
  });
}
