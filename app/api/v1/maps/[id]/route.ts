// GET    /api/v1/maps/{id} — the map in the export format `journeyboard.map/v1` (CONTRACT §7), plus
//        `pairedMapId` (the other map of its current ⇄ future pair, or null)
// PUT    /api/v1/maps/{id} — replace the map's content with an export document, applied through the
//        live collaborative document (connected editors see it at once); invalid → 422 naming the
//        offending field, nothing changed
// DELETE /api/v1/maps/{id} — soft delete (restorable in the app for 30 days)
//
// Reads and writes go through the live-documents port (lib/live-documents/port.ts): the sync
// service in this process, or — with COLLAB_IN_PROCESS=0 — stored here and announced to the sync
// processes over the control channel, so open editors see a PUT at once either way.
import { findMapWorkspaceId } from "@/db/queries/maps";
import type { DbOrTx } from "@/db/client";
import { apiRoute, readJson, requireWorkspaceById } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { deleteMap } from "@/lib/maps/delete-map";
import { findMapPair } from "@/lib/maps/future-state/pairs";
import { toExport, ZMapExport } from "@/lib/maps/map-document";
import { readMapDocument } from "@/lib/maps/map-documents";
import { replaceMapContent } from "@/lib/maps/replace-map-content";

/** 5,000 touchpoints (MAP_LIMITS) with typical texts fit comfortably. */
const MAX_BODY_BYTES = 20_000_000;

async function resolve(db: DbOrTx, rawId: string) {
  const id = rawId.toLowerCase();
  const workspaceId = await findMapWorkspaceId(db, id);
  if (!workspaceId) throw new AppError("not_found");
  return { workspaceId, id };
}

export const GET = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
  const { workspaceId, id } = await resolve(db, params.id);
  await requireWorkspaceById(db, caller, workspaceId, "read");
  const [doc, pair] = await Promise.all([readMapDocument(db, workspaceId, id), findMapPair(db, workspaceId, id)]);
  // Additive (issue 13): the other map of a current ⇄ future pair, or null. Ignored on PUT/import.
  return Response.json({ ...toExport(doc, id), pairedMapId: pair?.pairedMapId ?? null });
});

export const PUT = apiRoute<{ id: string }>(async ({ db, caller, params, request }) => {
  const { workspaceId, id } = await resolve(db, params.id);
  await requireWorkspaceById(db, caller, workspaceId, "edit");
  // Validated completely before the document is touched: bad input changes nothing.
  const data = await readJson(request, ZMapExport, MAX_BODY_BYTES);
  const map = await replaceMapContent(db, { workspaceId, mapId: id, data, userId: caller.userId });
  return Response.json(toExport(map, id));
});

export const DELETE = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
  const { workspaceId, id } = await resolve(db, params.id);
  await requireWorkspaceById(db, caller, workspaceId, "edit");
  await deleteMap(db, { workspaceId, mapId: id, userId: caller.userId });
  return new Response(null, { status: 204 });
});
