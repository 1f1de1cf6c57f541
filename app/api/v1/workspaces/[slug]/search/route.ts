// GET /api/v1/workspaces/{slug}/search?q=…&kind=…&limit=… — search maps, touchpoints (every lane),
// personas, stakeholders and comments of a workspace; ranked, each result with the path of its cell.
import { apiError, apiRoute, requireWorkspaceBySlug } from "@/lib/api/route";
import { searchWorkspace, ZSearchParams } from "@/lib/search/search-workspace";

export const GET = apiRoute<{ slug: string }>(async ({ db, caller, params, request }) => {
  const access = await requireWorkspaceBySlug(db, caller, params.slug, "read");
  const search = new URL(request.url).searchParams;
  const parsed = ZSearchParams.safeParse({ q: search.get("q") ?? "", kind: search.get("kind") ?? undefined, limit: search.get("limit") ?? undefined });
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return apiError(400, "invalid_query", `${first.path.join(".") || "q"}: ${first.message}`);
  }
  const results = await searchWorkspace(db, { workspaceId: access.workspaceId, slug: access.slug, ...parsed.data });
  return Response.json({ query: parsed.data.q, results }, { headers: { "cache-control": "private, no-store" } });
});
