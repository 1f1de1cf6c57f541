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

/** What a measured KPI value belongs to (touchpoint_metrics.scope). Stage KPIs follow once stages carry KPIs. */
export const METRIC_SCOPES = ["touchpoint", "journey"] as const;

/**
 * POST /api/v1/maps/{id}/metrics — one entry per measured value. `scope` defaults to "touchpoint"
 * (then `touchpointId` is required and `kpi` is the KPI's name); "journey" values name a journey KPI
 * by id or name.
 */
export const ZMetricsBody = z
  .array(
    z
      .object({
        scope: z.enum(METRIC_SCOPES).optional().default("touchpoint"),
        touchpointId: z.string().trim().min(1).max(100).optional(),
        kpi: z.string().trim().min(1).max(MAP_LIMITS.shortTextLength),
        value: z.number(),
        at: z.iso.datetime({ offset: true }).optional(),
      })
      .superRefine((m, ctx) => {
        if (m.scope === "touchpoint" && !m.touchpointId) ctx.addIssue({ code: "custom", path: ["touchpointId"], message: "required for touchpoint KPIs" });
      }),
  )
  .min(1, "at least one value")
  .max(1000, "at most 1000 values per request");

/** GET /api/v1/maps/{id}/metrics — the stored history, optionally narrowed. */
export const ZMetricsQuery = z.object({
  scope: z.enum(METRIC_SCOPES).optional(),
  touchpointId: z.string().trim().min(1).max(100).optional(),
  /** A KPI name, or a journey KPI's id. */
  kpi: z.string().trim().min(1).max(MAP_LIMITS.shortTextLength).optional(),
  since: z.iso.date().or(z.iso.datetime({ offset: true })).optional(),
});
