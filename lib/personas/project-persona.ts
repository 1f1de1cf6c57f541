// Projection of a persona document into its row (name, segment, quote, colour for lists and cards).
import type * as Y from "yjs";
import type { DbOrTx } from "@/db/client";
import { updatePersonaProjection } from "@/db/queries/personas";
import { personaSearchEntries, replaceSearchEntries } from "@/lib/search/search-entries";
import { readPersona } from "./persona-document";

/** Reads the live document synchronously, then writes the row (scoped by workspace). */
export async function projectPersona(db: DbOrTx, workspaceId: string, personaId: string, doc: Y.Doc): Promise<void> {
  const data = readPersona(doc);
  await updatePersonaProjection(db, workspaceId, personaId, {
    // An emptied name field keeps the card labelled until someone types a new one.
    name: data.name.trim() || "—",
    segment: data.segment.trim(),
    quote: data.quote.trim(),
    avatarColor: data.avatarColor,
  });
  await replaceSearchEntries(db, { workspaceId, docKind: "persona", docId: personaId }, personaSearchEntries(data));
}
