// GET    /api/v1/personas/{id}/avatar — the uploaded avatar image (404 when the persona has none)
// PUT    /api/v1/personas/{id}/avatar — upload: the raw image as body (PNG, JPEG or WebP, ≤ 256 KB)
// DELETE /api/v1/personas/{id}/avatar — back to the generated avatar (initials on colour)
import { findPersonaAvatar, findPersonaWorkspace } from "@/db/queries/personas";
import { readBodyLimited } from "@/lib/api/read-body";
import { apiRoute, requireWorkspaceById } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { AVATAR_MAX_BYTES, removePersonaAvatar, setPersonaAvatar } from "@/lib/personas/set-persona-avatar";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function resolve(db: Parameters<typeof findPersonaWorkspace>[0], id: string) {
  const workspaceId = UUID.test(id) ? await findPersonaWorkspace(db, id.toLowerCase()) : null;
  if (!workspaceId) throw new AppError("not_found");
  return { workspaceId, id: id.toLowerCase() };
}

export const GET = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
  const { workspaceId, id } = await resolve(db, params.id);
  await requireWorkspaceById(db, caller, workspaceId, "read");
  const avatar = await findPersonaAvatar(db, workspaceId, id);
  if (!avatar) throw new AppError("not_found");
  return new Response(Buffer.from(avatar.image), {
    headers: {
      "content-type": avatar.mime,
      "cache-control": "private, max-age=60",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'",
    },
  });
});

export const PUT = apiRoute<{ id: string }>(async ({ db, caller, params, request }) => {
  const { workspaceId, id } = await resolve(db, params.id);
  await requireWorkspaceById(db, caller, workspaceId, "edit");
  // Capped while streaming: a chunked upload without Content-Length is cut off at the limit.
  const bytes = await readBodyLimited(request, AVATAR_MAX_BYTES, {
    message: `The image is larger than ${Math.round(AVATAR_MAX_BYTES / 1024)} KB; avatars may be at most ${Math.round(AVATAR_MAX_BYTES / 1024)} KB.`,
    fields: { avatar: "avatar_too_large" },
  });
  const stored = await setPersonaAvatar(db, { workspaceId, personaId: id, bytes });
  return Response.json({ mime: stored.mime, bytes: stored.bytes, url: `/api/v1/personas/${id}/avatar` });
});

export const DELETE = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
  const { workspaceId, id } = await resolve(db, params.id);
  await requireWorkspaceById(db, caller, workspaceId, "edit");
  await removePersonaAvatar(db, { workspaceId, personaId: id });
  return new Response(null, { status: 204 });
});
