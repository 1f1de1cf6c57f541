// GET    /api/v1/personas/{id}/avatar — the uploaded avatar image (404 when the persona has none)
// PUT    /api/v1/personas/{id}/avatar — upload: the raw image as body (PNG, JPEG or WebP, ≤ 256 KB)
// DELETE /api/v1/personas/{id}/avatar — back to the generated avatar (initials on colour)
import { findPersonaAvatar, findPersonaWorkspace } from "@/db/queries/personas";
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
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > AVATAR_MAX_BYTES) {
    throw new AppError("too_large", `The image is ${Math.ceil(declared / 1024)} KB; avatars may be at most 256 KB.`, { avatar: "avatar_too_large" });
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  const stored = await setPersonaAvatar(db, { workspaceId, personaId: id, bytes });
  return Response.json({ mime: stored.mime, bytes: stored.bytes, url: `/api/v1/personas/${id}/avatar` });
});

export const DELETE = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
  const { workspaceId, id } = await resolve(db, params.id);
  await requireWorkspaceById(db, caller, workspaceId, "edit");
  await removePersonaAvatar(db, { workspaceId, personaId: id });
  return new Response(null, { status: 204 });
});
