// Creates a stakeholder map: its row, the initial document `stakeholders:{id}`, and its projection.
import * as Y from "yjs";
import type { Database } from "@/db/client";
import { insertDocumentSnapshot } from "@/db/queries/collab-documents";
import { stakeholderMaps, stakeholders } from "@/db/schema";
import { createStakeholderDoc, readStakeholderMap, STAKEHOLDERS_FORMAT, type StakeholdersExportInput } from "./stakeholder-document";
import { toProjection } from "./project-stakeholder-map";
import { stakeholderMapDocName } from "@/lib/live-documents/doc-name";
import { replaceSearchEntries, stakeholderSearchEntries } from "@/lib/search/search-entries";

export type CreateStakeholderMapOptions = {
  workspaceId: string;
  userId: string | null;
  /** A full export (`journeyboard.stakeholders/v1`, validated here) or just a title. */
  content: Omit<StakeholdersExportInput, "format"> | { title: string };
};

/** Throws a ZodError (nothing stored) when the content is invalid. */
export async function createStakeholderMap(db: Database, { workspaceId, userId, content }: CreateStakeholderMapOptions) {
  const doc = createStakeholderDoc({ ...content, format: STAKEHOLDERS_FORMAT });
  const data = readStakeholderMap(doc);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(stakeholderMaps).values({ workspaceId, title: data.title, createdBy: userId }).returning();
    await insertDocumentSnapshot(tx, stakeholderMapDocName(row.id), workspaceId, Y.encodeStateAsUpdate(doc));
    const projected = toProjection(data);
    if (projected.length > 0) await tx.insert(stakeholders).values(projected.map((s) => ({ ...s, stakeholderMapId: row.id, workspaceId })));
    await replaceSearchEntries(tx, { workspaceId, docKind: "stakeholders", docId: row.id }, stakeholderSearchEntries(data));
    return { ...row, stakeholderCount: data.stakeholders.length };
  });
}
