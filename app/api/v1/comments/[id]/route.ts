// PATCH  /api/v1/comments/{id} — `{resolved: true|false}` resolves / reopens the thread (anyone who
//        may comment); `{body}` edits the text (the author only)
// DELETE /api/v1/comments/{id} — the author, or an admin / owner of the workspace
import { apiRoute, readJson } from "@/lib/api/route";
import { deleteComment } from "@/lib/comments/delete-comment";
import { updateComment } from "@/lib/comments/update-comment";
import { appBaseUrl, requestOrigin } from "@/lib/notifications/app-url";
import { ZUpdateComment } from "@/lib/validations/comments";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const PATCH = apiRoute<{ id: string }>(async ({ db, caller, params, request }) => {
  if (!UUID.test(params.id)) return Response.json({ error: { code: "not_found", message: "Not found." } }, { status: 404 });
  const input = await readJson(request, ZUpdateComment, 64_000);
  const c = await updateComment(db, { userId: caller.userId, commentId: params.id.toLowerCase(), ...input, baseUrl: appBaseUrl(requestOrigin(request)) });
  return Response.json({ id: c.id, threadId: c.parentId ?? c.id, body: c.body, resolvedAt: c.resolvedAt?.toISOString() ?? null, editedAt: c.editedAt?.toISOString() ?? null });
});

export const DELETE = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
  if (!UUID.test(params.id)) return Response.json({ error: { code: "not_found", message: "Not found." } }, { status: 404 });
  await deleteComment(db, { userId: caller.userId, commentId: params.id.toLowerCase() });
  return new Response(null, { status: 204 });
});
