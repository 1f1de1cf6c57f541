// GET /api/v1/workspaces/{slug}/maps/import/template?format=csv|xlsx&locale=en|de — the import
// template: headers in the chosen language and example rows. Members of the workspace only.
import { z } from "zod";
import { apiRoute, requireWorkspaceBySlug } from "@/lib/api/route";
import { contentDisposition } from "@/lib/export/file-name";
import { CONTENT_TYPES } from "@/lib/export/export-map";
import { importTemplateCsv, importTemplateXlsx } from "@/lib/import/template-file";

export const ZTemplateQuery = z.object({
  format: z.enum(["csv", "xlsx"]).optional().default("csv"),
  locale: z.enum(["en", "de"]).optional().default("en"),
});

export const GET = apiRoute<{ slug: string }>(async ({ db, caller, params, request }) => {
  await requireWorkspaceBySlug(db, caller, params.slug, "read");
  const query = ZTemplateQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const name = query.locale === "de" ? "journeyboard-importvorlage" : "journeyboard-import-template";
  const body = query.format === "csv" ? importTemplateCsv(query.locale) : new Uint8Array(await importTemplateXlsx(query.locale));
  return new Response(body, { headers: { "content-type": CONTENT_TYPES[query.format], "content-disposition": contentDisposition(name, query.format) } });
});
