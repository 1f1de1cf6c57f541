// GET  /api/v1/workspaces/{slug}/personas — the workspace's personas [{id, name, segment, quote, avatarColor, …}]
// POST /api/v1/workspaces/{slug}/personas — body `{name, segment?, quote?, avatarColor?}` or a full
//      `journeyboard.persona/v1` document → 201 with the persona summary
import { z } from "zod";
import { listPersonas } from "@/db/queries/personas";
import { apiRoute, readJson, requireWorkspaceBySlug } from "@/lib/api/route";
import { createPersona } from "@/lib/personas/create-persona";
import { personaSummaryJson } from "@/lib/personas/persona-json";

export const GET = apiRoute<{ slug: string }>(async ({ db, caller, params, request }) => {
  const access = await requireWorkspaceBySlug(db, caller, params.slug, "read");
  const includeArchived = new URL(request.url).searchParams.get("archived") === "1";
  const list = await listPersonas(db, access.workspaceId, { includeArchived });
  return Response.json(list.map(personaSummaryJson));
});

export const POST = apiRoute<{ slug: string }>(async ({ db, caller, params, request }) => {
  const access = await requireWorkspaceBySlug(db, caller, params.slug, "edit");
  const body = await readJson(request, z.record(z.string(), z.unknown()), 256_000);
  const created = await createPersona(db, { workspaceId: access.workspaceId, userId: caller.userId, content: body as never });
  return Response.json(personaSummaryJson({ ...created, hasAvatarImage: false, archivedAt: null, mapCount: 0 }), { status: 201 });
});
