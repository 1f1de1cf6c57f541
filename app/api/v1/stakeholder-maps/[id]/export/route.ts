// GET /api/v1/stakeholder-maps/{id}/export?format=pdf&locale=en|de — the stakeholder map as a PDF
// (A3 landscape; SVG and PNG are exported in the browser). Viewers may export; another workspace 404.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { findStakeholderMapWorkspace } from "@/db/queries/stakeholders";
import { users } from "@/db/schema";
import { apiError, apiRoute, requireWorkspaceById } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { contentDisposition } from "@/lib/export/file-name";
import { renderStakeholderPdf } from "@/lib/export/stakeholder-pdf";
import { isLocale, localeFromAcceptLanguage } from "@/lib/i18n/config";
import { getDocumentStore } from "@/lib/personas/document-store";
import { readStakeholderMap } from "@/lib/stakeholders/stakeholder-document";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ZQuery = z.object({ format: z.enum(["pdf"]), locale: z.enum(["en", "de"]).optional() });

export const GET = apiRoute<{ id: string }>(async ({ db, caller, params, request }) => {
  const id = params.id.toLowerCase();
  const workspaceId = UUID.test(id) ? await findStakeholderMapWorkspace(db, id) : null;
  if (!workspaceId) throw new AppError("not_found");
  await requireWorkspaceById(db, caller, workspaceId, "read");
  const query = ZQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return apiError(400, "invalid_input", "format must be pdf");
  const [user] = await db.select({ name: users.name, email: users.email, locale: users.locale }).from(users).where(eq(users.id, caller.userId));
  const locale = query.data.locale ?? (isLocale(user?.locale) ? user.locale : localeFromAcceptLanguage(request.headers.get("accept-language")));
  const data = readStakeholderMap(await getDocumentStore(db).read(`stakeholders:${id}`, workspaceId));
  const pdf = await renderStakeholderPdf(data, { locale, author: user?.name || user?.email || "", generatedAt: new Date() });
  return new Response(new Uint8Array(pdf), {
    headers: { "content-type": "application/pdf", "content-disposition": contentDisposition(data.title, "pdf", "stakeholder-map"), "cache-control": "private, no-store" },
  });
});
