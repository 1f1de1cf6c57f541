// The one place lib/ reaches the live documents for discussion events: after a comment is
// written, changed or deleted, everyone with the document open hears about it through the sync
// service's existing connection (app message type 101), on every instance via the fan-out.
// Through lib's live-documents port, so it reaches the sync service wherever it runs (in this
// process, or another one over the control channel); clients also reload the thread list when they
// reconnect or refocus, since app messages are not stored.
import { getLiveDocuments } from "@/lib/live-documents/port";

export type CommentEvent = {
  type: "comment";
  action: "created" | "updated" | "deleted";
  commentId: string;
  /** The thread's first comment (itself for a new thread). */
  threadId: string;
  authorId: string | null;
};

export function broadcastCommentEvent(docName: string, event: CommentEvent): void {
  // Live delivery is best effort: the comment itself is stored.
  getLiveDocuments()
    .broadcast(docName, event)
    .catch((err) => console.error("comment broadcast failed", err));
}
