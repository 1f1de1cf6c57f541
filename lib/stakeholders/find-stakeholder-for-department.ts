// For the map editor: from a touchpoint's owner department to its stakeholder on a stakeholder map.
import type { DbOrTx } from "@/db/client";
import { findDepartmentStakeholder } from "@/db/queries/stakeholders";


/**
 * The stakeholder of type department named `department` (case-insensitive) on the workspace's most
 * recently changed stakeholder map that has one, or null. Link: `/w/{slug}/stakeholders/{mapId}?stakeholder={id}`.
 */
export async function findStakeholderForDepartment(db: DbOrTx, workspaceId: string, department: string) {
  const found = await findDepartmentStakeholder(db, workspaceId, department);
  if (!found) return null;
  return {
    ...found,
    path: (slug: string) => `/w/${encodeURIComponent(slug)}/stakeholders/${found.stakeholderMapId}?stakeholder=${encodeURIComponent(found.stakeholderId)}`,
  };
}
