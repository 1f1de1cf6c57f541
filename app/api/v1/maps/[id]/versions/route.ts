// GET  /api/v1/maps/{id}/versions — the map's saved versions, newest first [{id, name, kind, createdAt, createdByName}]
// POST /api/v1/maps/{id}/versions — save the current state as a named version: {name} → 201 {id} (editors)
import { z } from "zod";
import { findMapWorkspaceId } from "@/db/queries/maps";
import { apiRoute, readJson, requireWorkspaceById } from "@/lib/api/route";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { createMapVersion, listMapVersions, ZVersionLabel } from "@/lib/maps/map-versions";

async function resolve(db: Parameters<typeof findMapWorkspaceId>[0], rawId: string) {
  const id = rawId.toLowerCase();
  const workspaceId = await findMapWorkspaceId(db, id);
  if (!workspaceId) throw new AppError("not_found");
  return { workspaceId, id };
}

export const GET = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
  const { workspaceId, id } = await resolve(db, params.id);
  await requireWorkspaceById(db, caller, workspaceId, "read");
  const versions = await listMapVersions(db, workspaceId, id);
  return Response.json(versions.map(({ label, ...v }) => ({ ...v, name: label })));
});

export const POST = apiRoute<{ id: string }>(async ({ db, caller, params, request }) => {
  const { workspaceId, id } = await resolve(db, params.id);
  await requireWorkspaceById(db, caller, workspaceId, "edit");
  const body = await readJson(request, z.object({ name: ZVersionLabel }), 10_000);
  const version = await createMapVersion(db, { workspaceId, mapId: id, label: body.name, userId: caller.userId });
  await recordAuditEvent(db, { action: "map.version_saved", actorId: caller.userId, workspaceId, targetType: "map", targetId: id, metadata: { versionId: version.id, label: version.label } });
  return Response.json({ id: version.id, name: version.label, createdAt: version.createdAt }, { status: 201 });
});
