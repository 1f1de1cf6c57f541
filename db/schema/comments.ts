// Discussion and follow-up: comment threads on documents, the inbox (notifications), per-user
// notification settings, workspace discussion settings, map reviews and review cadence, the
// per-map activity feed and the "last visit" marks behind "changed since you last looked".
import { sql } from "drizzle-orm";
import {
  bigserial, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid, type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, id } from "./columns";
import { journeyMaps } from "./maps";
import { workspaces } from "./workspaces";

/** Which document a thread belongs to: `map`, `persona` or `stakeholders` (as in the docName). */
export type CommentDocKind = "map" | "persona" | "stakeholders";
/**
 * What a thread is anchored to. Ids are the stable ids inside the Yjs document (touchpoint,
 * stage, stakeholder) or a persona section key; `document` = the document as a whole.
 */
export type CommentAnchorKind = "document" | "touchpoint" | "stage" | "section" | "stakeholder";

export const comments = pgTable(
  "comments",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    docKind: text("doc_kind").$type<CommentDocKind>().notNull(),
    docId: uuid("doc_id").notNull(),
    /** The thread's first comment; null for the first comment itself. Replies go with it. */
    parentId: uuid("parent_id").references((): AnyPgColumn => comments.id, { onDelete: "cascade" }),
    anchorKind: text("anchor_kind").$type<CommentAnchorKind>().notNull().default("document"),
    anchorId: text("anchor_id"),
    /** The anchor's title when the thread started, shown when the anchor has since been removed. */
    anchorLabel: text("anchor_label").notNull().default(""),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    /** Who the body mentions, resolved on the server when written. */
    mentions: jsonb("mentions").$type<{ userIds: string[]; departmentIds: string[] }>().notNull().default({ userIds: [], departmentIds: [] }),
    /** Set on a thread's first comment: the thread is resolved. */
    resolvedAt: timestamp("resolved_at", { withTimezone: true, mode: "date" }),
    resolvedBy: text("resolved_by").references(() => users.id, { onDelete: "set null" }),
    editedAt: timestamp("edited_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("comments_doc_idx").on(t.workspaceId, t.docKind, t.docId, t.createdAt),
    index("comments_parent_idx").on(t.parentId),
    // Search (lib/search): comment bodies in both stemmers, the same expression the query uses.
    index("comments_search_idx").using("gin", sql`(to_tsvector('german'::regconfig, ${t.body}) || to_tsvector('english'::regconfig, ${t.body}))`),
  ],
);

export type NotificationKind =
  | "mention"
  | "reply"
  | "touchpoint_owner"
  | "opportunity_owner"
  | "map_owner"
  | "review_due"
  | "invitation_accepted";

/** The inbox: one row per recipient and event. */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").$type<NotificationKind>().notNull(),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    docKind: text("doc_kind").$type<CommentDocKind>(),
    docId: uuid("doc_id"),
    anchorKind: text("anchor_kind").$type<CommentAnchorKind>(),
    anchorId: text("anchor_id"),
    commentId: uuid("comment_id").references(() => comments.id, { onDelete: "set null" }),
    /** Where it happened, for the one-line entry ("Onboarding › Welcome e-mail"). */
    title: text("title").notNull().default(""),
    /** A short excerpt (comment text, review note). */
    excerpt: text("excerpt").notNull().default(""),
    /** Path inside the app that opens the exact place (deep link). */
    path: text("path").notNull(),
    readAt: timestamp("read_at", { withTimezone: true, mode: "date" }),
    /** When it went out by e-mail (single mail or digest); null = not (yet). */
    emailedAt: timestamp("emailed_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.createdAt),
    index("notifications_unread_idx").on(t.userId).where(sql`${t.readAt} is null`),
  ],
);

/** Per-user e-mail preference for notifications. Missing row = `each`. */
export const notificationSettings = pgTable("notification_settings", {
  userId: text("user_id").primaryKey().references(() => users.id, { onDelete: "cascade" }),
  /** `each`: one e-mail per notification; `digest`: one a day; `off`: in-app only. */
  emailMode: text("email_mode").$type<"each" | "digest" | "off">().notNull().default("each"),
  lastDigestAt: timestamp("last_digest_at", { withTimezone: true, mode: "date" }),
});

/** Workspace-level discussion settings. Missing row = defaults. */
export const discussionSettings = pgTable("discussion_settings", {
  workspaceId: uuid("workspace_id").primaryKey().references(() => workspaces.id, { onDelete: "cascade" }),
  viewersMayComment: boolean("viewers_may_comment").notNull().default(true),
  /** Default review interval for maps without their own. */
  reviewIntervalDays: integer("review_interval_days").notNull().default(90),
});

/** A map's review cadence (kept apart from journey_maps so the projection never touches it). */
export const mapReviewSettings = pgTable("map_review_settings", {
  mapId: uuid("map_id").primaryKey().references(() => journeyMaps.id, { onDelete: "cascade" }),
  workspaceId: uuid("workspace_id").notNull(),
  /** Null: the workspace default. */
  intervalDays: integer("interval_days"),
  /** Last reminder sent for the current due date (one reminder per due period). */
  remindedAt: timestamp("reminded_at", { withTimezone: true, mode: "date" }),
});

/** "Mark reviewed" with the team's note: what changed, what customers say now. */
export const mapReviews = pgTable(
  "map_reviews",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull(),
    mapId: uuid("map_id").notNull().references(() => journeyMaps.id, { onDelete: "cascade" }),
    reviewerId: text("reviewer_id").references(() => users.id, { onDelete: "set null" }),
    note: text("note").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("map_reviews_map_idx").on(t.mapId, t.createdAt)],
);

export type MapActivityKind = "touchpoint_added" | "touchpoint_moved" | "touchpoint_removed" | "touchpoint_edited";

/** Touchpoint changes as the projection saw them, with who made them. */
export const mapActivity = pgTable(
  "map_activity",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    workspaceId: uuid("workspace_id").notNull(),
    mapId: uuid("map_id").notNull().references(() => journeyMaps.id, { onDelete: "cascade" }),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind").$type<MapActivityKind>().notNull(),
    touchpointId: text("touchpoint_id").notNull(),
    title: text("title").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("map_activity_map_idx").on(t.mapId, t.createdAt)],
);

/** When a user last opened a map (for "changed since your last visit"). */
export const documentVisits = pgTable(
  "document_visits",
  {
    userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    mapId: uuid("map_id").notNull().references(() => journeyMaps.id, { onDelete: "cascade" }),
    visitedAt: timestamp("visited_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.mapId] })],
);

/** Daily jobs that must run once per day across all instances (guarded by an advisory lock). */
export const dailyJobRuns = pgTable("daily_job_runs", {
  name: text("name").primaryKey(),
  ranOn: date("ran_on", { mode: "string" }).notNull(),
});

export type Comment = typeof comments.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
