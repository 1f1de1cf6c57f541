// Change hook for `stakeholders:{id}` documents: keeps the stakeholders projection and title in step.
import type * as Y from "yjs";
import type { DbOrTx } from "@/db/client";
import { projectStakeholderMap } from "./project-stakeholder-map";

const PREFIX = "stakeholders:";

/** Handles a stored change of any document; ignores documents that are not stakeholder maps. */
export async function onStakeholderMapChanged(db: DbOrTx, docName: string, doc: Y.Doc, info?: { workspaceId?: string }): Promise<void> {
  if (!docName.startsWith(PREFIX) || !info?.workspaceId) return;
  await projectStakeholderMap(db, info.workspaceId, docName.slice(PREFIX.length), doc);
}
