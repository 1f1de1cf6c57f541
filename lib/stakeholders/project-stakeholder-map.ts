// Projection of a stakeholder map document into the stakeholders table (and the map's title), so
// that departments on stakeholder maps can be joined with touchpoint owners in SQL.
import type * as Y from "yjs";
import type { DbOrTx } from "@/db/client";
import { replaceStakeholderProjection, type StakeholderProjection } from "@/db/queries/stakeholders";
import { replaceSearchEntries, stakeholderSearchEntries } from "@/lib/search/search-entries";
import { readStakeholderMap, type StakeholderMapData } from "./stakeholder-document";

export function toProjection(data: StakeholderMapData): StakeholderProjection[] {
  return data.stakeholders.map((s) => ({
    stakeholderId: s.id,
    name: s.name.trim() || "—",
    type: s.type,
    ring: s.ring,
    department: s.type === "department" ? (s.department ?? s.name).trim() : null,
    influence: s.influence,
  }));
}

/** Reads the live document synchronously, then replaces the projection (scoped by workspace). */
export async function projectStakeholderMap(db: DbOrTx, workspaceId: string, mapId: string, doc: Y.Doc): Promise<boolean> {
  const data = readStakeholderMap(doc);
  const found = await replaceStakeholderProjection(db, workspaceId, mapId, { title: data.title, stakeholders: toProjection(data) });
  if (found) await replaceSearchEntries(db, { workspaceId, docKind: "stakeholders", docId: mapId }, stakeholderSearchEntries(data));
  return found;
}
