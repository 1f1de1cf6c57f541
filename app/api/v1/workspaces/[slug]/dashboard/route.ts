// GET /api/v1/workspaces/{slug}/dashboard — every dashboard panel's data as JSON, with the page's filters
// as query parameters (persona, department, stage, state, map, since; repeat persona/map for several).
import { apiError, apiRoute, requireWorkspaceBySlug } from "@/lib/api/route";
import { getDashboardCached } from "@/lib/dashboard/cached-dashboard";
import { FILTER_PARAMS, filtersInputFromSearchParams, ZDashboardFilters } from "@/lib/dashboard/filters";

const KNOWN_PARAMS = new Set<string>(Object.values(FILTER_PARAMS));

export const GET = apiRoute<{ slug: string }>(async ({ db, caller, params, request }) => {
  const access = await requireWorkspaceBySlug(db, caller, params.slug, "read");
  const search = new URL(request.url).searchParams;
  // A misspelt parameter would silently widen the figures a BI tool imports: refuse it instead.
  const unknown = [...new Set(search.keys())].filter((key) => !KNOWN_PARAMS.has(key));
  if (unknown.length) {
    return apiError(400, "invalid_query", `Unknown query parameter${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. Known: ${[...KNOWN_PARAMS].join(", ")}.`);
  }
  const filters = ZDashboardFilters.parse(filtersInputFromSearchParams(search));
  const dashboard = await getDashboardCached(db, access.workspaceId, filters);
  return Response.json(
    {
      workspace: { slug: access.slug, name: access.name },
      filters: {
        persona: filters.personas,
        department: filters.department ?? null,
        stage: filters.stage ?? null,
        state: filters.state ?? null,
        map: filters.maps,
        since: filters.since ? filters.since.toISOString() : null,
      },
      generatedAt: new Date().toISOString(),
      ...dashboard,
    },
    { headers: { "cache-control": "private, no-store" } },
  );
});
