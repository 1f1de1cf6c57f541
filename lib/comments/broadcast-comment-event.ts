// The one place lib/ reaches the live documents for discussion events: after a comment is
// written, changed or deleted, everyone with the document open hears about it through the sync
// service's existing connection (app message type 101), on every instance via the fan-out.
// When the sync service runs in another process (split mode) there is nobody connected here and
// the event is skipped; clients reload the thread list when they reconnect or refocus.
// TODO(merge): move onto the lib/ port for live documents (branch multi-process).
import { getCollabService } from "@/collab/registry";

export type CommentEvent = {
  type: "comment";
  action: "created" | "updated" | "deleted";
  commentId: string;
  /** The thread's first comment (itself for a new thread). */
  threadId: string;
  authorId: string | null;
};

export function broadcastCommentEvent(docName: string, event: CommentEvent): void {
  try {
    getCollabService()?.broadcastToDocument(docName, event);
  } catch (err) {
    // Live delivery is best effort: the comment itself is stored.
    console.error("comment broadcast failed", err);
  }
}
