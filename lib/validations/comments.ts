// Input schemas for comments, notifications and review cadence. Messages are keys of the
// `discuss` namespace (the UI translates them; the REST API passes them as field errors).
import { z } from "zod";

export const COMMENT_MAX_CHARS = 10_000;

export const ZCommentBody = z
  .string()
  .trim()
  .min(1, "comment_empty")
  .max(COMMENT_MAX_CHARS, "comment_too_long");

/** CONTRACT §8 anchor: `{touchpointId}` or `{stageId}` on maps, `{section}` on personas, `{stakeholderId}` on stakeholder maps. */
export const ZCommentAnchor = z
  .object({
    touchpointId: z.string().min(1).max(100).optional(),
    stageId: z.string().min(1).max(100).optional(),
    section: z.string().min(1).max(40).optional(),
    stakeholderId: z.string().min(1).max(100).optional(),
  })
  .strict()
  .refine((a) => Object.values(a).filter(Boolean).length <= 1, "anchor_one_target");

export const ZCreateComment = z.object({
  body: ZCommentBody,
  anchor: ZCommentAnchor.optional(),
  /** Reply to this thread (its first comment's id). */
  parentId: z.uuid().optional(),
});

export const ZUpdateComment = z
  .object({ body: ZCommentBody.optional(), resolved: z.boolean().optional() })
  .strict()
  .refine((u) => u.body !== undefined || u.resolved !== undefined, "nothing_to_change");

export const ZMarkNotificationsRead = z.object({ ids: z.array(z.uuid()).min(1).max(500).optional(), all: z.boolean().optional() })
  .refine((r) => r.ids || r.all, "ids_required");

/** `GET …/comments` query: `?status=open|resolved|all` (default all), `?mentions=me`. */
export const ZCommentListQuery = z.object({
  status: z.enum(["open", "resolved", "all"]).default("all").describe("open or resolved threads only (default: all)"),
  mentions: z.enum(["me"]).optional().describe("only threads that mention the caller"),
});

/** `GET /api/v1/notifications` query. */
export const ZNotificationListQuery = z.object({
  unread: z.enum(["0", "1"]).optional().describe("1 = unread entries only"),
  limit: z.coerce.number().int().min(1).max(500).optional().describe("at most this many entries"),
});

export const ZReviewNote = z.string().trim().min(1, "review_note_required").max(2000, "review_note_too_long");
export const ZReviewIntervalDays = z.coerce.number().int().min(7, "review_interval_range").max(730, "review_interval_range");

export type TCommentAnchorInput = z.infer<typeof ZCommentAnchor>;
