// Storage of the collaborative (Yjs) documents: a compacted snapshot plus an append-only update log.
import { bigint, bigserial, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea, createdAt } from "./columns";

/** One row per document (`map:{id}`, `persona:{id}`, `stakeholders:{id}`). */
export const collabDocuments = pgTable("collab_documents", {
  name: text("name").primaryKey(),
  workspaceId: uuid("workspace_id").notNull(),
  /** Yjs state (Y.encodeStateAsUpdate) of every update up to and including `snapshotSeq`. */
  snapshot: bytea("snapshot"),
  /** The highest collab_updates.id merged into the snapshot (0 = none). */
  snapshotSeq: bigint("snapshot_seq", { mode: "number" }).notNull().default(0),
  snapshotBytes: integer("snapshot_bytes").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

/** The update log: every accepted update is appended here before it is relayed to anyone. */
export const collabUpdates = pgTable(
  "collab_updates",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    docName: text("doc_name").notNull(),
    update: bytea("update").notNull(),
    /** Who sent it (null for server-side edits such as REST imports). */
    userId: text("user_id"),
    createdAt: createdAt(),
  },
  (t) => [index("collab_updates_doc_idx").on(t.docName, t.id)],
);
