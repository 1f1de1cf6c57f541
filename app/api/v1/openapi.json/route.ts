// GET /api/v1/openapi.json — the OpenAPI 3.1 document of the REST API (public: it describes the
// interface, not any workspace's data), generated from the zod schemas the handlers use.
import { buildOpenApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-static";

export function GET() {
  return Response.json(buildOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
