// Personas and stakeholder maps. Their content lives in the Yjs documents `persona:{id}` and
// `stakeholders:{id}`; these rows hold metadata and a projection for lists and wiring.
import { index, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { bytea, createdAt, id, updatedAt } from "./columns";
import { workspaces } from "./workspaces";

export const personas = pgTable(
  "personas",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    segment: text("segment").notNull().default(""),
    quote: text("quote").notNull().default(""),
    avatarColor: text("avatar_color").notNull().default("#6366f1"),
    /** Uploaded avatar image (size-capped); null = initials on avatarColor. */
    avatarImage: bytea("avatar_image"),
    avatarMime: text("avatar_mime"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    archivedAt: timestamp("archived_at", { withTimezone: true, mode: "date" }),
    deletedAt: timestamp("deleted_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("personas_workspace_idx").on(t.workspaceId, t.deletedAt)],
);

export const stakeholderMaps = pgTable(
  "stakeholder_maps",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp("deleted_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("stakeholder_maps_workspace_idx").on(t.workspaceId, t.deletedAt)],
);

/** Projection of the stakeholders of each stakeholder map. */
export const stakeholders = pgTable(
  "stakeholders",
  {
    stakeholderMapId: uuid("stakeholder_map_id").notNull().references(() => stakeholderMaps.id, { onDelete: "cascade" }),
    stakeholderId: text("stakeholder_id").notNull(),
    workspaceId: uuid("workspace_id").notNull(),
    name: text("name").notNull(),
    /** department | team | person | partner | system */
    type: text("type").notNull(),
    /** direct | indirect | environment */
    ring: text("ring").notNull(),
    /** Department name when type = department (wires it to touchpoint owners). */
    department: text("department"),
    /** -3 … +3 influence on the customer experience. */
    influence: smallint("influence").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.stakeholderMapId, t.stakeholderId] }), index("stakeholders_ws_dept_idx").on(t.workspaceId, t.department)],
);

export type PersonaRow = typeof personas.$inferSelect;
export type StakeholderMapRow = typeof stakeholderMaps.$inferSelect;
