// Exports a map in one of the formats of GET /api/v1/maps/{id}/export (CONTRACT §8). Reads the map
// through its owning module (lib/maps/map-document/), never the projection, so every lane and
// field is in the file.
import { z } from "zod";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { listPersonas } from "@/db/queries/personas";
import { users } from "@/db/schema";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { localeFromAcceptLanguage } from "@/lib/i18n/config";
import { readMap, toExport, type MapData } from "@/lib/maps/map-document";
import { readMapDocument } from "@/lib/maps/map-documents";
import { renderMapCsv } from "./csv";
import { contentDisposition } from "./file-name";
import { renderMapPdf } from "./pdf";
import { renderMapPng } from "./png";
import { posterLabels } from "./poster-labels";
import { POSTER_LANES, type PosterLaneKey, type PosterOptions } from "./poster-layout";
import { renderMapXlsx } from "./xlsx";

export const EXPORT_FORMATS = ["json", "csv", "xlsx", "pdf", "png"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  json: "application/json; charset=utf-8",
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
  png: "image/png",
};

const ZLaneKey = z.union([z.enum(POSTER_LANES), z.string().regex(/^lane:[\w-]{1,100}$/)]);

/** Query parameters of the export endpoint. */
export const ZExportQuery = z.object({
  format: z.enum(EXPORT_FORMATS, { error: `format must be one of ${EXPORT_FORMATS.join(", ")}` }),
  paper: z.enum(["a3", "a2"]).optional().default("a3").describe("PDF/PNG: paper size, landscape"),
  pages: z.enum(["split", "single"]).optional().default("split").describe("PDF: split wide maps across pages (stage headers repeated) or one long page"),
  lanes: z
    .string()
    .max(2000)
    .optional()
    .describe("PDF/PNG: comma-separated lanes to draw (channel, device, activity, goal, informationNeeded, thoughts, emotion, painPoints, opportunities, department, systems, kpis, evidence, lane:{id}); default: every lane with content")
    .transform((v, ctx) => {
      if (!v) return undefined;
      const keys = v.split(",").map((s) => s.trim()).filter(Boolean);
      for (const k of keys) if (!ZLaneKey.safeParse(k).success) ctx.addIssue({ code: "custom", message: `unknown lane "${k.slice(0, 40)}"` });
      return keys as PosterLaneKey[];
    }),
  locale: z.enum(["en", "de"]).optional().describe("Language of the poster and labels; default: the caller's language"),
});
export type ExportQuery = z.output<typeof ZExportQuery>;

export type ExportFile = { body: Uint8Array | string; contentType: string; disposition: string; pages?: number };

export type ExportMapOptions = {
  workspaceId: string;
  mapId: string;
  userId: string;
  query: ExportQuery;
  acceptLanguage?: string | null;
  now?: Date;
};

export async function exportMap(db: DbOrTx, options: ExportMapOptions): Promise<ExportFile> {
  const { query } = options;
  const doc = await readMapDocument(db, options.workspaceId, options.mapId);
  const map = readMap(doc);
  const file = (body: Uint8Array | string, ext: string, pages?: number): ExportFile => ({
    body,
    contentType: CONTENT_TYPES[query.format],
    disposition: contentDisposition(map.title, ext),
    pages,
  });
  switch (query.format) {
    case "json":
      return file(JSON.stringify(toExport(map, options.mapId), null, 2), "journeymap.json");
    case "csv":
      return file(renderMapCsv(map), "csv");
    case "xlsx": {
      const { author } = await loadAuthor(db, options.userId);
      return file(await renderMapXlsx(map, { author, now: options.now }), "xlsx");
    }
    case "pdf":
    case "png": {
      const poster = await posterOptions(db, map, options);
      if (query.format === "png") return file(renderMapPng(map, poster).png, "png");
      const { pdf, pages } = await renderMapPdf(map, poster);
      return file(pdf, "pdf", pages);
    }
  }
}

async function loadAuthor(db: DbOrTx, userId: string): Promise<{ author: string; locale: Locale | null }> {
  const [user] = await db.select({ name: users.name, email: users.email, locale: users.locale }).from(users).where(eq(users.id, userId));
  return { author: user?.name || user?.email || "", locale: isLocale(user?.locale) ? user.locale : null };
}

async function posterOptions(db: DbOrTx, map: MapData, options: ExportMapOptions): Promise<PosterOptions> {
  const { author, locale: userLocale } = await loadAuthor(db, options.userId);
  const locale: Locale = options.query.locale ?? userLocale ?? localeFromAcceptLanguage(options.acceptLanguage);
  const personas = map.personaIds.length ? await listPersonas(db, options.workspaceId, { includeArchived: true }) : [];
  const names = new Map(personas.map((p) => [p.id, p.name]));
  const validLanes = new Set(map.lanes.map((l) => `lane:${l.id}`));
  return {
    paper: options.query.paper,
    pagination: options.query.pages,
    lanes: options.query.lanes?.filter((k) => !k.startsWith("lane:") || validLanes.has(k)),
    labels: posterLabels(locale),
    locale: locale === "de" ? "de-DE" : "en-GB",
    generatedAt: options.now ?? new Date(),
    author,
    personaNames: map.personaIds.map((id) => names.get(id)).filter((n): n is string => !!n),
  };
}
