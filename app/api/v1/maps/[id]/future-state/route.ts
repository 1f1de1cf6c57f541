// Current ⇄ future pair (issue 13)
// GET  /api/v1/maps/{id}/future-state — the side-by-side comparison of the pair the map belongs to
//      (either side): averages, stages with gaps, touchpoints added/removed/changed/unchanged, the
//      overlaid curves and progress; 404 when the map is not paired
// POST /api/v1/maps/{id}/future-state — body `{title?}` (editors): designs the future state of a
//      current map → 201 `{futureMapId, created: true}`; when the pair exists already → 200 with the
//      existing future map (`created: false`); a future-state map that is not paired → 409
import { z } from "zod";
import { findMap, findMapWorkspaceId } from "@/db/queries/maps";
import type { DbOrTx } from "@/db/client";
import { apiRoute, readJson, requireWorkspaceById } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { designFutureState } from "@/lib/maps/future-state/design-future-state";
import { loadPairComparison } from "@/lib/maps/future-state/load-pair-comparison";
import { ZMapTitle } from "@/lib/validations/maps";

async function resolve(db: DbOrTx, rawId: string) {
  const id = rawId.toLowerCase();
  const workspaceId = await findMapWorkspaceId(db, id);
  if (!workspaceId) throw new AppError("not_found");
  return { workspaceId, id };
}

const ZBody = z.object({ title: ZMapTitle.optional() });

export const GET = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
  const { workspaceId, id } = await resolve(db, params.id);
  await requireWorkspaceById(db, caller, workspaceId, "read");
  const loaded = await loadPairComparison(db, workspaceId, id);
  if (!loaded) throw new AppError("not_found");
  return Response.json(loaded);
});

export const POST = apiRoute<{ id: string }>(async ({ db, caller, params, request }) => {
  const { workspaceId, id } = await resolve(db, params.id);
  await requireWorkspaceById(db, caller, workspaceId, "edit");
  // The body is optional: only read when the caller sends JSON.
  const body = (request.headers.get("content-type") ?? "").includes("json") ? await readJson(request, ZBody) : {};
  const map = await findMap(db, workspaceId, id);
  if (!map) throw new AppError("not_found");
  const title = body.title ?? `${map.title} – future state`.slice(0, 300);
  const result = await designFutureState(db, { workspaceId, mapId: id, userId: caller.userId, title });
  return Response.json(result, { status: result.created ? 201 : 200 });
});
