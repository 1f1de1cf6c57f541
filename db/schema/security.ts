// Account security: single-use links sent by mail (e-mail verification, password reset) and the
// shared counters of sign-in / sign-up / reset throttling (rate-limiter-flexible's Drizzle store).
import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt } from "./columns";

export const accountTokens = pgTable(
  "account_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose").$type<"verify_email" | "password_reset">().notNull(),
    /** SHA-256 of the secret in the link; the secret itself is only in the mail. */
    tokenHash: text("token_hash").notNull().unique(),
    /** The address the link was sent to: a link stops working when the account's e-mail changed. */
    email: text("email").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [index("account_tokens_user_idx").on(t.userId, t.purpose)],
);

/** Counters for rate-limiter-flexible's RateLimiterDrizzle (column names fixed by that library). */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", { withTimezone: true, mode: "date" }),
});

export type AccountToken = typeof accountTokens.$inferSelect;
