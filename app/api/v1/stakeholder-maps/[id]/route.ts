// GET    /api/v1/stakeholder-maps/{id} — the map in the export format `journeyboard.stakeholders/v1`
// PUT    /api/v1/stakeholder-maps/{id} — replace its content with a `journeyboard.stakeholders/v1` document
//        (applied through the live collaborative document)
// DELETE /api/v1/stakeholder-maps/{id} — soft delete (restorable in the app)
import { findStakeholderMapWorkspace } from "@/db/queries/stakeholders";
import { apiRoute, readJson, requireWorkspaceById } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { getDocumentStore, refreshLiveDocument } from "@/lib/personas/document-store";
import { deleteStakeholderMap } from "@/lib/stakeholders/delete-stakeholder-map";
import { projectStakeholderMap } from "@/lib/stakeholders/project-stakeholder-map";
import { applyStakeholdersExport, toStakeholdersExport, ZStakeholdersExport } from "@/lib/stakeholders/stakeholder-document";
import { stakeholderMapDocName } from "@/lib/live-documents/doc-name";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function resolve(db: Parameters<typeof findStakeholderMapWorkspace>[0], id: string) {
  const workspaceId = UUID.test(id) ? await findStakeholderMapWorkspace(db, id.toLowerCase()) : null;
  if (!workspaceId) throw new AppError("not_found");
  return { workspaceId, id: id.toLowerCase() };
}

export const GET = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
  const { workspaceId, id } = await resolve(db, params.id);
  await requireWorkspaceById(db, caller, workspaceId, "read");
  const doc = await getDocumentStore(db).read(stakeholderMapDocName(id), workspaceId);
  return Response.json(toStakeholdersExport(doc, id));
});

export const PUT = apiRoute<{ id: string }>(async ({ db, caller, params, request }) => {
  const { workspaceId, id } = await resolve(db, params.id);
  await requireWorkspaceById(db, caller, workspaceId, "edit");
  // Validate before touching the document: bad input (e.g. a relationship to a missing stakeholder) changes nothing.
  const data = await readJson(request, ZStakeholdersExport, 512_000);
  const store = getDocumentStore(db);
  await store.edit(stakeholderMapDocName(id), workspaceId, (doc) => void applyStakeholdersExport(doc, data));
  const doc = await store.read(stakeholderMapDocName(id), workspaceId);
  await projectStakeholderMap(db, workspaceId, id, doc);
  return Response.json(toStakeholdersExport(doc, id));
});

export const DELETE = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
  const { workspaceId, id } = await resolve(db, params.id);
  await requireWorkspaceById(db, caller, workspaceId, "edit");
  await deleteStakeholderMap(db, { workspaceId, mapId: id, userId: caller.userId });
  await refreshLiveDocument(stakeholderMapDocName(id));
  return new Response(null, { status: 204 });
});
