// GET  /api/v1/workspaces/{slug}/maps — the workspace's maps [{id, title, state, updatedAt, …}];
//      filters as query parameters: q (title and touchpoint text), persona, state, department, since
// POST /api/v1/workspaces/{slug}/maps — body `{title, template?, locale?}` → 201 with the map summary
import { listMaps } from "@/db/queries/maps";
import { apiRoute, readJson, requireWorkspaceBySlug } from "@/lib/api/route";
import { createMap } from "@/lib/maps/create-map";
import { mapSummaryJson } from "@/lib/maps/map-json";
import { ZCreateMap, ZMapListQuery } from "@/lib/validations/maps";


export const GET = apiRoute<{ slug: string }>(async ({ db, caller, params, request }) => {
  const access = await requireWorkspaceBySlug(db, caller, params.slug, "read");
  const query = ZMapListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const maps = await listMaps(db, access.workspaceId, {
    q: query.q,
    personaId: query.persona,
    state: query.state,
    ownerDepartment: query.department,
    since: query.since ? new Date(query.since) : undefined,
  });
  return Response.json(maps.map(mapSummaryJson));
});

export const POST = apiRoute<{ slug: string }>(async ({ db, caller, params, request }) => {
  const access = await requireWorkspaceBySlug(db, caller, params.slug, "edit");
  const body = await readJson(request, ZCreateMap, 16_000);
  const locale = body.locale ?? (/^de\b/i.test(request.headers.get("accept-language") ?? "") ? "de" : "en");
  const map = await createMap(db, { workspaceId: access.workspaceId, userId: caller.userId, title: body.title, template: body.template, locale });
  return Response.json(mapSummaryJson(map), { status: 201 });
});
