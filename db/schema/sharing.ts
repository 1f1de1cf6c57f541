// Sharing outside the workspace and reuse inside it: view-only share links for maps, personas and
// stakeholder maps (opened without an account), and workspace map templates made from a map.
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { bytea, createdAt, id, updatedAt } from "./columns";
import { workspaces } from "./workspaces";

export const shareLinks = pgTable(
  "share_links",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    /** `map`, `persona` or `stakeholders` (the kinds of collaborative documents). */
    docKind: text("doc_kind").notNull(),
    docId: uuid("doc_id").notNull(),
    /** SHA-256 of the secret in the link's URL; the secret itself is shown once and never stored. */
    tokenHash: text("token_hash").notNull().unique(),
    /** scrypt hash (lib/auth/password.ts) when the link asks for a password. */
    passwordHash: text("password_hash"),
    /** Whether the shared view may show member names (presence, owners); off by default. */
    showNames: boolean("show_names").notNull().default(false),
    /** Null = never expires. */
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    openCount: integer("open_count").notNull().default(0),
    lastOpenedAt: timestamp("last_opened_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("share_links_doc_idx").on(t.workspaceId, t.docKind, t.docId)],
);

export const mapTemplates = pgTable(
  "map_templates",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** Yjs state of the template's map document (content of the lanes not kept already removed). */
    state: bytea("state").notNull(),
    /** Which lanes kept their content when the template was made (for display). */
    keptLanes: jsonb("kept_lanes").$type<string[]>().notNull().default([]),
    /** The map it was made from (informational; the template does not follow later changes). */
    sourceMapId: uuid("source_map_id"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("map_templates_workspace_idx").on(t.workspaceId, t.createdAt)],
);

export type ShareLinkRow = typeof shareLinks.$inferSelect;
export type MapTemplateRow = typeof mapTemplates.$inferSelect;
