// Search everything: one row per searchable cell (a map's title or outcome, one lane of a
// touchpoint, a persona section, a stakeholder) with its text indexed in German AND English
// (both stemmers, so "Rechnungen" finds "Rechnung" and "invoices" finds "invoice"). Rows are
// written by the documents' projections (lib/search/index-*.ts); comments are searched in place.
import { sql } from "drizzle-orm";
import { customType, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** Which document a search row belongs to (as in the docName). */
export type SearchDocKind = "map" | "persona" | "stakeholders";

export const searchEntries = pgTable(
  "search_entries",
  {
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    docKind: text("doc_kind").$type<SearchDocKind>().notNull(),
    docId: uuid("doc_id").notNull(),
    /** Touchpoint or stakeholder id inside the document; "" for the document itself. */
    itemId: text("item_id").notNull().default(""),
    /** The cell: `title`, `outcome`, a lane key (`activity`, `painPoints`, `lane:{id}`…) or a persona section. */
    field: text("field").notNull(),
    /** What the result is called (touchpoint title, persona name…), not indexed. */
    label: text("label").notNull().default(""),
    /** Where it lives ("Map › Stage"), not indexed. */
    context: text("context").notNull().default(""),
    /** The indexed text. */
    body: text("body").notNull(),
    /** `A` for titles and names (ranked first), `B` for everything else. */
    weight: text("weight").$type<"A" | "B">().notNull().default("B"),
    tsv: tsvector("tsv")
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('german'::regconfig, "body") || to_tsvector('english'::regconfig, "body"), (case when "weight" = 'A' then 'A' else 'B' end)::"char")`,
      ),
  },
  (t) => [
    primaryKey({ columns: [t.docId, t.itemId, t.field] }),
    index("search_entries_ws_idx").on(t.workspaceId, t.docKind),
    index("search_entries_tsv_idx").using("gin", t.tsv),
  ],
);
