// Duplicates a stakeholder map with its stakeholders and relationships.
import type { Database } from "@/db/client";
import { findStakeholderMap } from "@/db/queries/stakeholders";
import { AppError } from "@/lib/errors";
import { getDocumentStore, type DocumentStore } from "@/lib/personas/document-store";
import { createStakeholderMap } from "./create-stakeholder-map";
import { STAKEHOLDER_LIMITS, toStakeholdersExport } from "./stakeholder-document";
import { stakeholderMapDocName } from "@/lib/live-documents/doc-name";

export type DuplicateStakeholderMapOptions = { workspaceId: string; userId: string; mapId: string; copySuffix: string; store?: DocumentStore };

export async function duplicateStakeholderMap(db: Database, { workspaceId, userId, mapId, copySuffix, store }: DuplicateStakeholderMapOptions) {
  const source = await findStakeholderMap(db, workspaceId, mapId);
  if (!source) throw new AppError("not_found");
  const doc = await (store ?? getDocumentStore(db)).read(stakeholderMapDocName(mapId), workspaceId);
  const { id: _id, format: _format, ...content } = toStakeholdersExport(doc);
  const title = `${content.title || source.title} ${copySuffix}`.slice(0, STAKEHOLDER_LIMITS.title);
  return createStakeholderMap(db, { workspaceId, userId, content: { ...content, title } });
}
