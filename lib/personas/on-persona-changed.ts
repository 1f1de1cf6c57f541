// Change hook for `persona:{id}` documents: keeps the personas row (lists, cards) in step.
import type * as Y from "yjs";
import type { DbOrTx } from "@/db/client";
import { projectPersona } from "./project-persona";

const PREFIX = "persona:";

/** Handles a stored change of any document; ignores documents that are not personas. */
export function onPersonaChanged(db: DbOrTx, docName: string, doc: Y.Doc, info?: { workspaceId?: string }): Promise<void> | void {
  if (!docName.startsWith(PREFIX) || !info?.workspaceId) return;
  return projectPersona(db, info.workspaceId, docName.slice(PREFIX.length), doc);
}
