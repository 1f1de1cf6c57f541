// Workspace vocabularies (issue 13): the channel and device terms a workspace agrees on, each with
// its synonyms ("Website" = "Web", "Homepage"), so free text in maps compares by meaning.
import { index, jsonb, pgEnum, pgTable, smallint, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { workspaces } from "./workspaces";
import { createdAt, id } from "./columns";

export const vocabularyKindEnum = pgEnum("vocabulary_kind", ["channel", "device"]);
export type VocabularyKind = (typeof vocabularyKindEnum.enumValues)[number];

export const vocabularyTerms = pgTable(
  "vocabulary_terms",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    kind: vocabularyKindEnum("kind").notNull(),
    /** The canonical term, as suggested in the editor and shown in figures. */
    term: text("term").notNull(),
    /** Other spellings that mean the same (compared case-insensitively). */
    synonyms: jsonb("synonyms").$type<string[]>().notNull().default([]),
    position: smallint("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("vocabulary_terms_ws_kind_term_idx").on(t.workspaceId, t.kind, t.term), index("vocabulary_terms_ws_idx").on(t.workspaceId)],
);

export type VocabularyTerm = typeof vocabularyTerms.$inferSelect;
