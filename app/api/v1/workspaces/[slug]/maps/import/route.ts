// POST /api/v1/workspaces/{slug}/maps/import — multipart field `file` (.json in the export format,
// .csv or .xlsx with one touchpoint per row, columns matched by header) → 201 with the new map's
// summary. Optional fields: `title`, `mapping` (JSON array: the target field of each column, as in
// the preview). Any bad row → 422 {error: {code: "invalid_rows", message, rows: [{row, column,
// message}]}} and no map is created; a file over 10 MB → 413; more rows than a map holds → 422.
// `?preview=1` checks the file and answers 200 with the mapping, first rows and problems, creating
// nothing (the import wizard uses it). Editors only; another workspace answers 404.
import { apiError, apiRoute, requireWorkspaceBySlug } from "@/lib/api/route";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { analyzeImport, MAX_IMPORT_BYTES } from "@/lib/import/analyze-import";
import { ZImportFields } from "@/lib/import/column-mapping";
import { ImportError, type ImportProblem } from "@/lib/import/import-problem";
import { importMap } from "@/lib/import/import-map";
import { mapSummaryJson } from "@/lib/maps/map-json";

/** Room for the multipart envelope and the small text fields around the file. */
const MAX_BODY_BYTES = MAX_IMPORT_BYTES + 256 * 1024;


const rowsJson = (problems: ImportProblem[]) => problems.map(({ row, column, message, code }) => ({ row, column, message, code }));

export const POST = apiRoute<{ slug: string }>(async ({ db, caller, params, request }) => {
  const access = await requireWorkspaceBySlug(db, caller, params.slug, "edit");
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    throw new AppError("too_large", `The file exceeds ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return apiError(400, "invalid_input", "Send the file as multipart/form-data in the field `file`.");
  }
  const file = form.get("file");
  if (!(file instanceof File)) return apiError(400, "invalid_input", "Send the file as multipart/form-data in the field `file`.");
  if (file.size > MAX_IMPORT_BYTES) throw new AppError("too_large", `The file exceeds ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  const fields = ZImportFields.parse({ title: form.get("title") ?? undefined, mapping: form.get("mapping") ?? undefined });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const input = { fileName: file.name || "import", bytes, title: fields.title, mapping: fields.mapping };
  try {
    if (new URL(request.url).searchParams.get("preview") === "1") {
      const { map, ...analysis } = await analyzeImport(input);
      return Response.json({ ...analysis, problems: analysis.problems, ready: !analysis.problems.length && !!map });
    }
    const { map, touchpointCount } = await importMap(db, { ...input, workspaceId: access.workspaceId, userId: caller.userId });
    await recordAuditEvent(db, { action: "map.created", actorId: caller.userId, workspaceId: access.workspaceId, targetType: "map", targetId: map.id, metadata: { import: file.name.slice(0, 200), touchpoints: touchpointCount } });
    return Response.json(mapSummaryJson(map), { status: 201 });
  } catch (err) {
    if (!(err instanceof ImportError)) throw err;
    if (err.status === 413) return apiError(413, "too_large", err.message);
    return apiError(422, "invalid_rows", err.problems.length === 1 && err.problems[0].row === 0 ? err.message : `${err.problems.length} problem(s) in the file; nothing was imported.`, { rows: rowsJson(err.problems) });
  }
});
