// Accounts and sign-in: the tables Auth.js's Drizzle adapter expects, plus our own credentials,
// personal access tokens and the audit log.
import { bigserial, index, inet, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";

export const users = pgTable("users", {
  id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
  name: text("name"),
  email: text("email").notNull().unique(),
  emailVerified: timestamp("email_verified", { withTimezone: true, mode: "date" }),
  image: text("image"),
  /** scrypt hash (`scrypt$N$r$p$salt$hash`); null for accounts that only sign in through SSO. */
  passwordHash: text("password_hash"),
  /** Preferred UI language; null follows the browser. */
  locale: text("locale"),
  /** Bumped by "sign out everywhere", password change/reset and SSO claim: older session JWTs stop working. */
  sessionVersion: integer("session_version").notNull().default(0),
  createdAt: createdAt(),
});

export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index("accounts_user_idx").on(t.userId)],
);

export const sessions = pgTable("sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
});

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/** Personal access tokens for the REST API and /collab. Only a SHA-256 of the secret is stored. */
export const personalAccessTokens = pgTable(
  "personal_access_tokens",
  {
    id: id(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** The first characters of the token, shown in the list so users can tell tokens apart. */
    prefix: text("prefix").notNull(),
    /** `read` tokens can only read; `read_write` may change what the user may change. */
    scope: text("scope").$type<"read" | "read_write">().notNull().default("read_write"),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [index("pat_user_idx").on(t.userId)],
);

/** Security-relevant events. workspaceId is null for events outside a workspace (sign-in). */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    workspaceId: uuid("workspace_id"),
    actorId: text("actor_id"),
    /** Dotted verb, e.g. `auth.sign_in`, `member.role_changed`, `token.created`. */
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: inet("ip"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [index("audit_workspace_idx").on(t.workspaceId, t.createdAt), index("audit_actor_idx").on(t.actorId, t.createdAt)],
);

export type User = typeof users.$inferSelect;
export type PersonalAccessToken = typeof personalAccessTokens.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
