// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the route handlers validate
// with (z.toJSONSchema, JSON Schema 2020-12 = OpenAPI 3.1's dialect), so the document cannot drift
// from what the handlers accept. Served at GET /api/v1/openapi.json. A route added under
// app/api/v1 must be listed in OPERATIONS (lib/api/openapi.test.ts checks every route file).
import { z } from "zod";
import { FILTER_PARAMS, ZDashboardFilters } from "@/lib/dashboard/filters";
import { ZExportQuery, EXPORT_FORMATS, CONTENT_TYPES } from "@/lib/export/export-map";
import { IMPORT_TARGETS } from "@/lib/import/column-mapping";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "@/lib/import/analyze-import";
import { ZTemplateQuery } from "@/lib/import/template-file";
import { ZMapExport } from "@/lib/maps/map-document";
import { ZPersonaExport } from "@/lib/personas/persona-document";
import { ZStakeholdersExport } from "@/lib/stakeholders/stakeholder-document";
import { ZCreateMap, ZMapListQuery, ZMetricsBody } from "@/lib/validations/maps";

type Json = Record<string, unknown>;
type Method = "get" | "post" | "put" | "patch" | "delete";
type Operation = {
  summary: string;
  description?: string;
  tag: string;
  query?: z.ZodObject;
  /** Query parameter names that differ from the schema's keys. */
  queryNames?: Record<string, string>;
  body?: z.ZodType | { multipart: Json };
  ok: { status: number; description: string; schema?: z.ZodType | Json; contentTypes?: string[] };
  errors: number[];
};

/** Schemas as JSON Schema; what a client sends is the schema's input side (defaults optional). */
function schemaOf(schema: z.ZodType, io: "input" | "output" = "input"): Json {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Json;
  delete json.$schema;
  return json;
}

const ZError = z.object({
  error: z.object({
    code: z.string().describe("stable machine-readable code, e.g. not_found, invalid_input"),
    message: z.string().describe("what went wrong, in English"),
    fields: z.record(z.string(), z.string()).optional().describe("validation problems by dotted field path"),
    rows: z
      .array(z.object({ row: z.number().int(), column: z.string(), message: z.string(), code: z.string() }))
      .optional()
      .describe("import only: every problem with its spreadsheet row (header = row 1) or JSON touchpoint number and column"),
  }),
});

const ZMapSummary = z.object({
  id: z.uuid(), title: z.string(), state: z.enum(["current", "future"]), outcome: z.string(), cyclic: z.boolean(),
  ownerDepartment: z.string().nullable(), templateKey: z.string().nullable(), personaIds: z.array(z.uuid()),
  personas: z.array(z.object({ id: z.uuid(), name: z.string(), avatarColor: z.string() })),
  touchpointCount: z.number().int(), avgEmotion: z.number().nullable(), emotionCurve: z.array(z.number().nullable()),
  createdAt: z.iso.datetime(), updatedAt: z.iso.datetime(), reviewedAt: z.iso.datetime().nullable(),
});

const ERROR_TEXT: Record<number, string> = {
  400: "Malformed request", 401: "No valid session or token", 403: "The caller's role does not allow this",
  404: "Not found, or in another workspace", 409: "Conflict", 413: "Too large", 422: "Invalid input", 429: "Too many requests",
};

const READ = [401, 404];
const WRITE = [401, 403, 404, 413, 422];

export const OPERATIONS: Record<string, Partial<Record<Method, Operation>>> = {
  "/api/v1/openapi.json": {
    get: { tag: "meta", summary: "This document (OpenAPI 3.1)", ok: { status: 200, description: "The document", schema: { type: "object" } }, errors: [] },
  },
  "/api/v1/workspaces": {
    get: { tag: "workspaces", summary: "The caller's workspaces", ok: { status: 200, description: "Workspaces", schema: z.array(z.object({ slug: z.string(), name: z.string(), role: z.enum(["owner", "admin", "editor", "viewer"]) })) }, errors: [401] },
  },
  "/api/v1/workspaces/{slug}/maps": {
    get: { tag: "maps", summary: "List the workspace's maps", query: ZMapListQuery, ok: { status: 200, description: "Map summaries", schema: z.array(ZMapSummary) }, errors: READ },
    post: { tag: "maps", summary: "Create a map (blank or from a template)", body: ZCreateMap, ok: { status: 201, description: "The new map's summary", schema: ZMapSummary }, errors: WRITE },
  },
  "/api/v1/workspaces/{slug}/maps/import": {
    post: {
      tag: "maps",
      summary: "Import a map from a .json, .csv or .xlsx file",
      description: `One touchpoint per row; columns matched by header (the export's field names, or the app's English or German labels). Any bad row → 422 with \`error.rows\` and no map is created. Files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB (413 above), at most ${MAX_IMPORT_ROWS} rows. \`?preview=1\` checks the file and answers 200 with the proposed mapping, the first rows and all problems, creating nothing.`,
      query: z.object({ preview: z.enum(["1"]).optional().describe("check only; answer 200 with the analysis") }),
      body: {
        multipart: {
          type: "object",
          required: ["file"],
          properties: {
            file: { type: "string", contentMediaType: "application/octet-stream", description: ".json (journeyboard.map/v1), .csv or .xlsx" },
            title: { type: "string", maxLength: 300, description: "title of the new map (default: the file name)" },
            mapping: { type: "string", description: `JSON array: the target of each column in order, one of ${IMPORT_TARGETS.join(", ")}` },
          },
        },
      },
      ok: { status: 201, description: "The new map's summary", schema: ZMapSummary },
      errors: [400, ...WRITE],
    },
  },
  "/api/v1/workspaces/{slug}/maps/import/template": {
    get: { tag: "maps", summary: "The import template (CSV or XLSX) with example rows", query: ZTemplateQuery, ok: { status: 200, description: "The template file", contentTypes: [CONTENT_TYPES.csv, CONTENT_TYPES.xlsx] }, errors: READ },
  },
  "/api/v1/maps/{id}": {
    get: { tag: "maps", summary: "The map in the export format journeyboard.map/v1", ok: { status: 200, description: "The map", schema: schemaOf(ZMapExport, "output") }, errors: READ },
    put: { tag: "maps", summary: "Replace the map's content (through the live document)", body: ZMapExport, ok: { status: 200, description: "The map as stored", schema: schemaOf(ZMapExport, "output") }, errors: WRITE },
    delete: { tag: "maps", summary: "Delete the map (restorable for 30 days)", ok: { status: 204, description: "Deleted" }, errors: [401, 403, 404] },
  },
  "/api/v1/maps/{id}/export": {
    get: {
      tag: "maps",
      summary: "Export the map as a file",
      description: `Formats: ${EXPORT_FORMATS.join(", ")}. PDF: a poster (A3 or A2 landscape) split across pages with repeated stage headers, or one long page; PNG: the same layout at 2×. Viewers may export. Unknown format → 400.`,
      query: ZExportQuery,
      ok: { status: 200, description: "The file, with Content-Disposition naming it", contentTypes: EXPORT_FORMATS.map((f) => CONTENT_TYPES[f]) },
      errors: [400, ...READ],
    },
  },
  "/api/v1/maps/{id}/metrics": {
    post: { tag: "maps", summary: "Record KPI values (data overlay)", body: ZMetricsBody, ok: { status: 200, description: "Recorded values", schema: { type: "object" } }, errors: WRITE },
  },
  "/api/v1/workspaces/{slug}/personas": {
    get: { tag: "personas", summary: "List personas", ok: { status: 200, description: "Personas", schema: { type: "array", items: { type: "object" } } }, errors: READ },
    post: { tag: "personas", summary: "Create a persona (fields of journeyboard.persona/v1)", body: ZPersonaExport, ok: { status: 201, description: "The persona", schema: schemaOf(ZPersonaExport, "output") }, errors: WRITE },
  },
  "/api/v1/personas/{id}": {
    get: { tag: "personas", summary: "The persona as journeyboard.persona/v1", ok: { status: 200, description: "The persona", schema: schemaOf(ZPersonaExport, "output") }, errors: READ },
    put: { tag: "personas", summary: "Replace the persona's content", body: ZPersonaExport, ok: { status: 200, description: "The persona", schema: schemaOf(ZPersonaExport, "output") }, errors: WRITE },
    delete: { tag: "personas", summary: "Delete the persona", ok: { status: 204, description: "Deleted" }, errors: [401, 403, 404] },
  },
  "/api/v1/personas/{id}/export": {
    get: { tag: "personas", summary: "The persona as a one-page PDF (A4 landscape)", query: z.object({ format: z.enum(["pdf"]), locale: z.enum(["en", "de"]).optional() }), ok: { status: 200, description: "The PDF", contentTypes: ["application/pdf"] }, errors: [400, ...READ] },
  },
  "/api/v1/personas/{id}/avatar": {
    get: { tag: "personas", summary: "The persona's image", ok: { status: 200, description: "The image", contentTypes: ["image/png", "image/jpeg", "image/webp"] }, errors: READ },
    put: { tag: "personas", summary: "Set the persona's image (PNG/JPEG/WebP, at most 256 KB)", body: { multipart: { type: "string", contentMediaType: "image/*" } }, ok: { status: 200, description: "Stored" }, errors: WRITE },
    delete: { tag: "personas", summary: "Remove the persona's image", ok: { status: 204, description: "Removed" }, errors: [401, 403, 404] },
  },
  "/api/v1/workspaces/{slug}/stakeholder-maps": {
    get: { tag: "stakeholders", summary: "List stakeholder maps", ok: { status: 200, description: "Stakeholder maps", schema: { type: "array", items: { type: "object" } } }, errors: READ },
    post: { tag: "stakeholders", summary: "Create a stakeholder map (fields of journeyboard.stakeholders/v1)", body: ZStakeholdersExport, ok: { status: 201, description: "The stakeholder map", schema: schemaOf(ZStakeholdersExport, "output") }, errors: WRITE },
  },
  "/api/v1/stakeholder-maps/{id}": {
    get: { tag: "stakeholders", summary: "The stakeholder map as journeyboard.stakeholders/v1", ok: { status: 200, description: "The stakeholder map", schema: schemaOf(ZStakeholdersExport, "output") }, errors: READ },
    put: { tag: "stakeholders", summary: "Replace the stakeholder map's content", body: ZStakeholdersExport, ok: { status: 200, description: "The stakeholder map", schema: schemaOf(ZStakeholdersExport, "output") }, errors: WRITE },
    delete: { tag: "stakeholders", summary: "Delete the stakeholder map", ok: { status: 204, description: "Deleted" }, errors: [401, 403, 404] },
  },
  "/api/v1/stakeholder-maps/{id}/export": {
    get: { tag: "stakeholders", summary: "The stakeholder map as a PDF (A3 landscape)", query: z.object({ format: z.enum(["pdf"]), locale: z.enum(["en", "de"]).optional() }), ok: { status: 200, description: "The PDF", contentTypes: ["application/pdf"] }, errors: [400, ...READ] },
  },
  "/api/v1/workspaces/{slug}/dashboard": {
    get: { tag: "dashboard", summary: "Every dashboard panel as JSON", query: ZDashboardFilters, queryNames: FILTER_PARAMS, ok: { status: 200, description: "Panels", schema: { type: "object" } }, errors: READ },
  },
};

function operationJson(path: string, op: Operation): Json {
  const parameters: Json[] = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1], in: "path", required: true, schema: { type: "string" }, description: m[1] === "slug" ? "workspace slug" : "resource id (uuid)",
  }));
  if (op.query) {
    for (const [key, field] of Object.entries(op.query.shape)) {
      const schema = schemaOf(field as z.ZodType);
      const isArray = schema.type === "array";
      parameters.push({
        name: op.queryNames?.[key] ?? key,
        in: "query",
        required: !(field as z.ZodType).safeParse(undefined).success,
        schema,
        ...(isArray ? { explode: true, description: "repeat the parameter for several values" } : {}),
        ...(typeof schema.description === "string" ? { description: schema.description } : {}),
      });
    }
  }
  const responses: Json = {
    [op.ok.status]: {
      description: op.ok.description,
      ...(op.ok.schema || op.ok.contentTypes
        ? { content: Object.fromEntries((op.ok.contentTypes ?? ["application/json"]).map((ct) => [ct.split(";")[0], op.ok.schema ? { schema: op.ok.schema instanceof z.ZodType ? schemaOf(op.ok.schema, "output") : op.ok.schema } : {}])) }
        : {}),
    },
  };
  for (const status of op.errors) responses[status] = { description: ERROR_TEXT[status], content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  return {
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: op.body instanceof z.ZodType ? { "application/json": { schema: schemaOf(op.body) } } : { "multipart/form-data": { schema: op.body.multipart } },
          },
        }
      : {}),
    responses,
  };
}

let cached: Json | null = null;

export function buildOpenApiDocument(): Json {
  cached ??= {
    openapi: "3.1.0",
    info: {
      title: "Journeyboard REST API",
      version: "1",
      description: "Customer journey maps, personas, stakeholder maps and dashboards. Authenticate with the session cookie or `Authorization: Bearer <personal access token>`. Another workspace's resources answer 404; viewers read only.",
    },
    servers: [{ url: "/" }],
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    tags: ["workspaces", "maps", "personas", "stakeholders", "dashboard", "meta"].map((name) => ({ name })),
    paths: Object.fromEntries(Object.entries(OPERATIONS).map(([path, ops]) => [path, Object.fromEntries(Object.entries(ops).map(([m, op]) => [m, operationJson(path, op!)]))])),
    components: {
      schemas: { Error: schemaOf(ZError, "output"), MapExport: schemaOf(ZMapExport, "output"), MapSummary: schemaOf(ZMapSummary, "output") },
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "A personal access token (Account → Personal access tokens)" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
      },
    },
  };
  return cached;
}
