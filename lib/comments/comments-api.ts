// REST handlers shared by /api/v1/{maps|personas|stakeholder-maps}/{id}/comments (CONTRACT §8).
import "server-only";
import type { CommentDocKind } from "@/db/schema";
import { apiRoute, readJson } from "@/lib/api/route";
import { appBaseUrl, requestOrigin } from "@/lib/notifications/app-url";
import { ZCommentListQuery, ZCreateComment } from "@/lib/validations/comments";
import { authorizeCommentDocument } from "./authorize-comment-document";
import { createComment } from "./create-comment";
import { listComments, type ThreadView } from "./list-comments";

/** 10,000 characters of body in UTF-8 plus JSON overhead. */
const MAX_BODY_BYTES = 64_000;

export function filterThreads(threads: ThreadView[], status: "open" | "resolved" | "all", mentionsMe: boolean): ThreadView[] {
  return threads.filter(
    (t) => (status === "all" || (status === "open" ? !t.resolvedAt : Boolean(t.resolvedAt))) && (!mentionsMe || t.mentionsMe),
  );
}

export function commentListHandler(kind: CommentDocKind) {
  return apiRoute<{ id: string }>(async ({ db, caller, params, request }) => {
    const { doc } = await authorizeCommentDocument(db, caller.userId, kind, params.id, "read");
    const url = new URL(request.url);
    const q = ZCommentListQuery.parse(Object.fromEntries(url.searchParams));
    return Response.json(filterThreads(await listComments(db, doc, caller.userId), q.status, q.mentions === "me"));
  });
}

export function commentCreateHandler(kind: CommentDocKind) {
  return apiRoute<{ id: string }>(async ({ db, caller, params, request }) => {
    const { doc } = await authorizeCommentDocument(db, caller.userId, kind, params.id, "comment");
    const input = await readJson(request, ZCreateComment, MAX_BODY_BYTES);
    const comment = await createComment(db, {
      doc, authorId: caller.userId, body: input.body, anchor: input.anchor, parentId: input.parentId,
      baseUrl: appBaseUrl(requestOrigin(request)),
    });
    return Response.json(
      {
        id: comment.id, threadId: comment.parentId ?? comment.id, body: comment.body, authorId: comment.authorId,
        anchor: { kind: comment.anchorKind, id: comment.anchorId, label: comment.anchorLabel },
        mentions: comment.mentions, createdAt: comment.createdAt.toISOString(),
      },
      { status: 201 },
    );
  });
}
