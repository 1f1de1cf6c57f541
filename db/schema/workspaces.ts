// Tenants: workspaces, their members with roles and departments, and invitations.
import { boolean, index, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, id, updatedAt } from "./columns";

export const roleEnum = pgEnum("role", ["owner", "admin", "editor", "viewer"]);
export type Role = (typeof roleEnum.enumValues)[number];

export const workspaces = pgTable("workspaces", {
  id: id(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /** "anyone with a verified e-mail at this domain may join" (lower-case, no @); null = off. */
  joinDomain: text("join_domain"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const departments = pgTable(
  "departments",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Hex colour used for presence avatars and charts. */
    color: text("color").notNull().default("#64748b"),
    position: smallint("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("departments_workspace_name_idx").on(t.workspaceId, t.name)],
);

export const memberships = pgTable(
  "memberships",
  {
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull(),
    departmentId: uuid("department_id").references(() => departments.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: roleEnum("role").notNull(),
    departmentId: uuid("department_id").references(() => departments.id, { onDelete: "set null" }),
    /** SHA-256 of the secret in the invitation link. */
    tokenHash: text("token_hash").notNull().unique(),
    /** false: only a signed-in account with `email` (verified) may accept; true: anyone holding the link (admins only). */
    anyoneWithLink: boolean("anyone_with_link").notNull().default(false),
    invitedBy: text("invited_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true, mode: "date" }),
    acceptedBy: text("accepted_by").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [index("invitations_workspace_idx").on(t.workspaceId)],
);

export type Workspace = typeof workspaces.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Department = typeof departments.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
