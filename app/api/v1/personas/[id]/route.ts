// GET    /api/v1/personas/{id} — the persona in the export format `journeyboard.persona/v1`
// PUT    /api/v1/personas/{id} — replace its content with a `journeyboard.persona/v1` document (applied
//        through the live collaborative document, so connected editors see it at once)
// DELETE /api/v1/personas/{id} — soft delete (restorable in the app)
import { findPersonaWorkspace } from "@/db/queries/personas";
import { apiRoute, readJson, requireWorkspaceById } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { deletePersona } from "@/lib/personas/delete-persona";
import { getDocumentStore, refreshLiveDocument } from "@/lib/personas/document-store";
import { applyPersonaExport, toPersonaExport, ZPersonaExport } from "@/lib/personas/persona-document";
import { projectPersona } from "@/lib/personas/project-persona";
import { personaDocName } from "@/lib/live-documents/doc-name";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function resolve(db: Parameters<typeof findPersonaWorkspace>[0], id: string) {
  const workspaceId = UUID.test(id) ? await findPersonaWorkspace(db, id.toLowerCase()) : null;
  if (!workspaceId) throw new AppError("not_found");
  return { workspaceId, id: id.toLowerCase() };
}

export const GET = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
  const { workspaceId, id } = await resolve(db, params.id);
  await requireWorkspaceById(db, caller, workspaceId, "read");
  const doc = await getDocumentStore(db).read(personaDocName(id), workspaceId);
  return Response.json(toPersonaExport(doc, id));
});

export const PUT = apiRoute<{ id: string }>(async ({ db, caller, params, request }) => {
  const { workspaceId, id } = await resolve(db, params.id);
  await requireWorkspaceById(db, caller, workspaceId, "edit");
  // Validate before touching the document: bad input changes nothing.
  const data = await readJson(request, ZPersonaExport, 256_000);
  const store = getDocumentStore(db);
  await store.edit(personaDocName(id), workspaceId, (doc) => void applyPersonaExport(doc, data));
  const doc = await store.read(personaDocName(id), workspaceId);
  await projectPersona(db, workspaceId, id, doc);
  return Response.json(toPersonaExport(doc, id));
});

export const DELETE = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
  const { workspaceId, id } = await resolve(db, params.id);
  await requireWorkspaceById(db, caller, workspaceId, "edit");
  await deletePersona(db, { workspaceId, personaId: id, userId: caller.userId });
  await refreshLiveDocument(personaDocName(id));
  return new Response(null, { status: 204 });
});
