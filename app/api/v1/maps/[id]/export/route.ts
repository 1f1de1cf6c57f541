// GET /api/v1/maps/{id}/export?format=json|csv|xlsx|pdf|png — the whole map as a file (CONTRACT §8):
// every stage, touchpoint and lane, the emotion curve; with its Content-Type and a file name.
// Viewers may export (reading); another workspace's map answers 404; an unknown format 400.
import { findMapWorkspaceId } from "@/db/queries/maps";
import { apiError, apiRoute, requireWorkspaceById } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { exportMap, ZExportQuery } from "@/lib/export/export-map";

export const GET = apiRoute<{ id: string }>(async ({ db, caller, params, request }) => {
  const id = params.id.toLowerCase();
  const workspaceId = await findMapWorkspaceId(db, id);
  if (!workspaceId) throw new AppError("not_found");
  await requireWorkspaceById(db, caller, workspaceId, "read");
  const parsed = ZExportQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return apiError(400, "invalid_input", `${issue.path.join(".") || "query"}: ${issue.message}`);
  }
  const file = await exportMap(db, { workspaceId, mapId: id, userId: caller.userId, query: parsed.data, acceptLanguage: request.headers.get("accept-language") });
  return new Response(typeof file.body === "string" ? file.body : new Uint8Array(file.body), {
    headers: {
      "content-type": file.contentType,
      "content-disposition": file.disposition,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      ...(file.pages ? { "x-page-count": String(file.pages) } : {}),
    },
  });
});
