// Input schemas for map actions and the maps REST API (error messages are message keys in `maps`).
import { z } from "zod";
import { MAP_LIMITS } from "@/lib/maps/map-document";
import { TEMPLATE_KEYS } from "@/lib/maps/templates";

export const ZMapTitle = z.string().trim().min(1, "title_required").max(MAP_LIMITS.titleLength, "title_too_long");
export const ZMapId = z.uuid("invalid_map");
export const ZTemplateKey = z.enum(TEMPLATE_KEYS);
export const ZMapLocale = z.enum(["en", "de"]);

export const ZCreateMap = z.object({ title: ZMapTitle, template: ZTemplateKey.optional().default("blank"), locale: ZMapLocale.optional() });
/** GET /api/v1/workspaces/{slug}/maps query parameters. */
export const ZMapListQuery = z.object({
  q: z.string().max(200).optional(),
  persona: z.string().max(100).optional(),
  state: z.enum(["current", "future"]).optional(),
  department: z.string().max(200).optional(),
  since: z.iso.date().or(z.iso.datetime({ offset: true })).optional(),
});
export const ZRenameMap = z.object({ mapId: ZMapId, title: ZMapTitle });
export const ZMapRef = z.object({ mapId: ZMapId });
export const ZUpdateMapSettings = z.object({
  mapId: ZMapId,
  personaIds: z.array(z.uuid()).max(MAP_LIMITS.personas).optional(),
  state: z.enum(["current", "future"]).optional(),
  /** Department name, or null to clear. */
  ownerDepartment: z.string().trim().max(MAP_LIMITS.shortTextLength).nullable().optional(),
});

/** POST /api/v1/maps/{id}/metrics */
export const ZMetricsBody = z
  .array(
    z.object({
      touchpointId: z.string().trim().min(1).max(100),
      kpi: z.string().trim().min(1).max(MAP_LIMITS.shortTextLength),
      value: z.number(),
      at: z.iso.datetime({ offset: true }).optional(),
    }),
  )
  .min(1, "at least one value")
  .max(1000, "at most 1000 values per request");
