// GET /api/v1/workspaces/{slug}/dashboard — every dashboard panel's data as JSON, with the page's filters
// as query parameters (persona, department, stage, state, map, since; repeat persona/map for several).
import { apiError, apiRoute, requireWorkspaceBySlug } from "@/lib/api/route";
import { getDashboardJsonCached, serverTimingHeader, type DashboardTiming } from "@/lib/dashboard/cached-dashboard";
import { FILTER_PARAMS, filtersInputFromSearchParams, ZDashboardFilters } from "@/lib/dashboard/filters";

const KNOWN_PARAMS = new Set<string>(Object.values(FILTER_PARAMS));

export const GET = apiRoute<{ slug: string }>(async ({ db, caller, params, request }) => {
  const t0 = performance.now();
  const access = await requireWorkspaceBySlug(db, caller, params.slug, "read");
  const membership = performance.now() - t0;
  const search = new URL(request.url).searchParams;
  // A misspelt parameter would silently widen the figures a BI tool imports: refuse it instead.
  const unknown = [...new Set(search.keys())].filter((key) => !KNOWN_PARAMS.has(key));
  if (unknown.length) {
    return apiError(400, "invalid_query", `Unknown query parameter${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}. Known: ${[...KNOWN_PARAMS].join(", ")}.`);
  }
  const filters = ZDashboardFilters.parse(filtersInputFromSearchParams(search));
  const timing: DashboardTiming = {};
  // The panels' JSON is serialised once per cached view and shared; only the envelope is per request.
  const dashboardJson = await getDashboardJsonCached(db, access.workspaceId, filters, timing);
  const envelope = JSON.stringify({
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
  });
  // Same text as JSON.stringify({ ...envelope, ...dashboard }): the envelope's keys, then the panels'.
  const body = dashboardJson === "{}" ? envelope : `${envelope.slice(0, -1)},${dashboardJson.slice(1)}`;
  return new Response(body, {
    headers: {
      "content-type": "application/json",
      "cache-control": "private, no-store",
      "server-timing": serverTimingHeader(timing, { membership, handler: performance.now() - t0 }),
    },
  });
});
