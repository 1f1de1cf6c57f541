// Document names: `map:{uuid}`, `persona:{uuid}`, `stakeholders:{uuid}` — the one helper for the
// app, the sync service (collab/ imports it) and the browser (zod only, no server imports).
// Parsed with zod and canonicalised (lower-case uuid) so that two spellings of one id can never
// become two rooms.
import { z } from "zod";

export const DOC_KINDS = ["map", "persona", "stakeholders"] as const;
export type DocKind = (typeof DOC_KINDS)[number];
export type DocRef = { name: string; kind: DocKind; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ZDocName = z
  .string()
  .max(64)
  .transform((value, ctx): DocRef => {
    const colon = value.indexOf(":");
    const kind = value.slice(0, colon);
    const id = value.slice(colon + 1).toLowerCase();
    if (colon < 0 || !(DOC_KINDS as readonly string[]).includes(kind) || !UUID.test(id)) {
      ctx.addIssue({ code: "custom", message: "expected map:{uuid}, persona:{uuid} or stakeholders:{uuid}" });
      return z.NEVER;
    }
    return { name: `${kind}:${id}`, kind: kind as DocKind, id };
  });

/** The canonical reference of a document name, or null when it is not one of ours. */
export function parseDocName(value: string): DocRef | null {
  const parsed = ZDocName.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The document name of a map, persona or stakeholder map. */
export function docNameOf(kind: DocKind, id: string): string {
  return `${kind}:${id.toLowerCase()}`;
}

export const mapDocName = (mapId: string) => docNameOf("map", mapId);
export const personaDocName = (personaId: string) => docNameOf("persona", personaId);
export const stakeholderMapDocName = (mapId: string) => docNameOf("stakeholders", mapId);
