// GET /api/v1/workspaces/{slug}/maps/import/template?format=csv|xlsx&locale=en|de — the import
// template: headers in the chosen language and example rows. Members of the workspace only.
import { apiRoute, requireWorkspaceBySlug } from "@/lib/api/route";
import { contentDisposition } from "@/lib/export/file-name";
import { CONTENT_TYPES } from "@/lib/export/export-map";
import { importTemplateCsv, importTemplateXlsx, ZTemplateQuery } from "@/lib/import/template-file";


export const GET = apiRoute<{ slug: string }>(async ({ db, caller, params, request }) => {
  await requireWorkspaceBySlug(db, caller, params.slug, "read");
  const query = ZTemplateQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const name = query.locale === "de" ? "journeyboard-importvorlage" : "journeyboard-import-template";
  const body = query.format === "csv" ? importTemplateCsv(query.locale) : new Uint8Array(await importTemplateXlsx(query.locale));
  return new Response(body, { headers: { "content-type": CONTENT_TYPES[query.format], "content-disposition": contentDisposition(name, query.format) } });
});
