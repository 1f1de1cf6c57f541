// Fills the search index for documents that have no rows yet: everything created before search
// existed (the migration adds an empty table) and anything a crash left out. Runs at start-up,
// before the sync service opens, reading the stored documents. Cheap when there is nothing to do.
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { loadStoredDocument } from "@/lib/live-documents/stored";
import { readMap } from "@/lib/maps/map-document";
import { readPersona } from "@/lib/personas/persona-document";
import { readStakeholderMap } from "@/lib/stakeholders/stakeholder-document";
import { mapSearchEntries, personaSearchEntries, replaceSearchEntries, stakeholderSearchEntries } from "./search-entries";

type Row = { id: string; workspace_id: string; kind: "map" | "persona" | "stakeholders" };

/** Indexes every live document without search rows (and drops rows of documents purged for good). Returns how many documents it indexed. */
export async function backfillSearchIndex(db: Database): Promise<number> {
  // search_entries points at three tables, so no foreign key cascades: purged documents leave rows
  // that every query already ignores; they go here.
  await db.execute(sql`
    delete from search_entries e where
      (e.doc_kind = 'map' and not exists (select 1 from journey_maps d where d.id = e.doc_id))
      or (e.doc_kind = 'persona' and not exists (select 1 from personas d where d.id = e.doc_id))
      or (e.doc_kind = 'stakeholders' and not exists (select 1 from stakeholder_maps d where d.id = e.doc_id))`);
  const res = await db.execute(sql`
    select id, workspace_id, 'map' as kind from journey_maps d
      where d.deleted_at is null and not exists (select 1 from search_entries e where e.doc_id = d.id and e.doc_kind = 'map')
    union all
    select id, workspace_id, 'persona' as kind from personas d
      where d.deleted_at is null and not exists (select 1 from search_entries e where e.doc_id = d.id and e.doc_kind = 'persona')
    union all
    select id, workspace_id, 'stakeholders' as kind from stakeholder_maps d
      where d.deleted_at is null and not exists (select 1 from search_entries e where e.doc_id = d.id and e.doc_kind = 'stakeholders')`);
  const rows = (Array.isArray(res) ? res : (res as { rows: Row[] }).rows) as Row[];
  for (const row of rows) {
    const scope = { workspaceId: row.workspace_id, docKind: row.kind, docId: row.id };
    const doc = await loadStoredDocument(db, `${row.kind}:${row.id}`);
    const entries =
      row.kind === "map" ? mapSearchEntries(readMap(doc))
      : row.kind === "persona" ? personaSearchEntries(readPersona(doc))
      : stakeholderSearchEntries(readStakeholderMap(doc));
    await db.transaction((tx) => replaceSearchEntries(tx, scope, entries));
    doc.destroy();
  }
  return rows.length;
}
