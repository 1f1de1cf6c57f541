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
import { MAX_VERSIONS_PER_MAP, ZVersionLabel } from "@/lib/maps/map-versions";
import { ZPersonaExport } from "@/lib/personas/persona-document";
import { MAX_ACTIVE_LINKS_PER_DOC, MAX_SHARE_DAYS, ZShareLinkInput } from "@/lib/sharing/create-share-link";
import { ZSearchParams } from "@/lib/search/search-workspace";
import { ZStakeholdersExport } from "@/lib/stakeholders/stakeholder-document";
import { COMMENT_MAX_CHARS, ZCommentListQuery, ZCreateComment, ZMarkNotificationsRead, ZNotificationListQuery, ZUpdateComment } from "@/lib/validations/comments";
import { ZCreateMap, ZMapListQuery, ZMetricsBody, ZMetricsQuery } from "@/lib/validations/maps";

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

const ZSearchResponse = z.object({
  query: z.string(),
  results: z.array(z.object({
    kind: z.enum(["map", "touchpoint", "persona", "stakeholder", "comment"]),
    docKind: z.enum(["map", "persona", "stakeholders"]),
    docId: z.uuid(),
    itemId: z.string().describe("touchpoint or stakeholder id, `stage:{id}`, the thread id for comments, or empty for the document"),
    field: z.string().describe("the matched cell: title, outcome, stage, a lane (activity, goal, thoughts, painPoints, opportunities, lane:{id}…), a persona section, name/description, comment"),
    title: z.string(),
    context: z.string(),
    snippet: z.array(z.object({ text: z.string(), match: z.boolean() })),
    rank: z.number(),
    path: z.string().describe("in-app path that opens the exact place"),
  })),
});

const ZComment = z.object({
  id: z.uuid(), body: z.string(), authorId: z.uuid().nullable(), authorName: z.string().nullable(), authorEmail: z.string().nullable(),
  createdAt: z.iso.datetime(), editedAt: z.iso.datetime().nullable(),
});
const ZAnchorKind = z.enum(["document", "touchpoint", "stage", "section", "stakeholder"]);
const ZThread = ZComment.extend({
  anchor: z.object({ kind: ZAnchorKind, id: z.string().nullable(), label: z.string(), removed: z.boolean() }),
  resolvedAt: z.iso.datetime().nullable(), resolvedBy: z.uuid().nullable(), mentionsMe: z.boolean(), replies: z.array(ZComment),
});
const ZCreatedComment = z.object({
  id: z.uuid(), threadId: z.uuid(), body: z.string(), authorId: z.uuid(),
  anchor: z.object({ kind: ZAnchorKind, id: z.string().nullable(), label: z.string() }),
  mentions: z.object({ userIds: z.array(z.uuid()), departmentIds: z.array(z.uuid()) }).describe("the members and departments the text mentions"), createdAt: z.iso.datetime(),
});
const ZNotification = z.object({
  id: z.uuid(),
  kind: z.string().describe("mention, reply, touchpoint_owner, opportunity_owner, map_owner, review_due, invitation_accepted"),
  workspace: z.string(), title: z.string(), excerpt: z.string(),
  path: z.string().describe("opens the exact place, e.g. /w/acme/maps/{id}?tp={touchpointId}&comment={threadId}"),
  actorName: z.string().nullable(), docKind: z.string().nullable(), docId: z.string().nullable(),
  anchor: z.object({ kind: z.string().nullable(), id: z.string().nullable() }), commentId: z.uuid().nullable(),
  readAt: z.iso.datetime().nullable(), createdAt: z.iso.datetime(),
});
const ZShareLink = z.object({
  id: z.uuid(), createdAt: z.iso.datetime(), expiresAt: z.iso.datetime().nullable(), hasPassword: z.boolean(), showNames: z.boolean(),
  openCount: z.number().int(), lastOpenedAt: z.iso.datetime().nullable(), createdByName: z.string().nullable(),
});
const ZVersionKind = z.enum(["named", "daily", "restore"]).describe("named; daily = saved automatically once a day when the map changed; restore = the state just before a restore");
const ZVersionItem = z.object({ id: z.uuid(), name: z.string(), kind: ZVersionKind, createdAt: z.iso.datetime(), createdByName: z.string().nullable() });

const ERROR_TEXT: Record<number, string> = {
  400: "Malformed request", 401: "No valid session or token", 403: "The caller's role does not allow this",
  404: "Not found, or in another workspace", 409: "Conflict", 413: "Too large", 422: "Invalid input", 429: "Too many requests",
};

const READ = [401, 404];
const WRITE = [401, 403, 404, 413, 422];

const DOC_NAMES = { maps: "journey map", personas: "persona", "stakeholder-maps": "stakeholder map" } as const;
const ANCHORS: Record<keyof typeof DOC_NAMES, string> = {
  maps: "`{touchpointId}` or `{stageId}`",
  personas: "`{section}` (`demographics`, `job`, `goals`, `pains`, `information`, `evidence`)",
  "stakeholder-maps": "`{stakeholderId}`",
};

/** GET/POST /api/v1/{maps|personas|stakeholder-maps}/{id}/comments (lib/comments/comments-api.ts). */
function commentOperations(doc: keyof typeof DOC_NAMES): Partial<Record<Method, Operation>> {
  return {
    get: {
      tag: "comments",
      summary: `The ${DOC_NAMES[doc]}'s comment threads, oldest first`,
      query: ZCommentListQuery,
      ok: { status: 200, description: "Threads with their replies", schema: z.array(ZThread) },
      errors: [...READ, 422],
    },
    post: {
      tag: "comments",
      summary: "Start a thread or reply to one (`parentId`)",
      description: `Anchor: ${ANCHORS[doc]}, or none for the whole document. \`body\`: 1–${COMMENT_MAX_CHARS.toLocaleString("en")} characters. Mentions in the text: \`@\` + a member's e-mail or \`@[Department name]\`; a mention of someone who is not a member, or of an unknown department → 422 naming them, nothing is stored. Viewers may comment unless the workspace turned it off (403).`,
      body: ZCreateComment,
      ok: { status: 201, description: "The new comment", schema: ZCreatedComment },
      errors: WRITE,
    },
  };
}

/** GET/POST /api/v1/{maps|personas|stakeholder-maps}/{id}/share-links (lib/sharing/share-link-api.ts). */
function shareLinkOperations(doc: keyof typeof DOC_NAMES): Partial<Record<Method, Operation>> {
  return {
    get: { tag: "share-links", summary: `The ${DOC_NAMES[doc]}'s active view-only share links`, ok: { status: 200, description: "Active links", schema: z.array(ZShareLink) }, errors: READ },
    post: {
      tag: "share-links",
      summary: `Create a view-only share link to the ${DOC_NAMES[doc]} (editors)`,
      description: `\`expiresAt\`: ISO time 1–${MAX_SHARE_DAYS} days ahead, omitted/null = never; \`password\`: 4–200 characters (stored as a scrypt hash); \`showNames\`: member names visible in the shared view (default false). The URL's secret is returned only here (stored as a SHA-256 hash). At most ${MAX_ACTIVE_LINKS_PER_DOC} active links per document (409).`,
      body: ZShareLinkInput,
      ok: { status: 201, description: "The link; `url` (/s/{secret}) opens the read-only view without an account", schema: z.object({ id: z.uuid(), url: z.url(), expiresAt: z.iso.datetime().nullable() }) },
      errors: [...WRITE, 409],
    },
  };
}

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
    get: {
      tag: "maps",
      summary: "KPI history as series (touchpoint and journey KPIs)",
      description: "One series per KPI `{scope, touchpointId, kpi, kpiId, points: [{at, value}]}`, points oldest first. Narrow with `scope`, `touchpointId`, `kpi` (a name or a journey KPI id) and `since`.",
      query: ZMetricsQuery,
      ok: { status: 200, description: "Series", schema: { type: "object" } },
      errors: [422, ...READ],
    },
    post: {
      tag: "maps",
      summary: "Record KPI values (data overlay)",
      description: "`[{scope?, touchpointId?, kpi, value, at?}]`: `scope` \"touchpoint\" (default; `touchpointId` and the KPI's name) or \"journey\" (`kpi` = a journey KPI's id or name). Stored as history with `at` (default: now); the newest value per KPI becomes its actual.",
      body: ZMetricsBody,
      ok: { status: 201, description: "Recorded values `{stored, updatedKpis}`", schema: { type: "object" } },
      errors: WRITE,
    },
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
  "/api/v1/maps/{id}/comments": commentOperations("maps"),
  "/api/v1/personas/{id}/comments": commentOperations("personas"),
  "/api/v1/stakeholder-maps/{id}/comments": commentOperations("stakeholder-maps"),
  "/api/v1/comments/{id}": {
    patch: {
      tag: "comments",
      summary: "Resolve / reopen a thread (`{resolved}`) or edit a comment's text (`{body}`)",
      description: "`{resolved: true|false}` resolves or reopens the thread: anyone who may comment (viewers too, unless the workspace turned it off). `{body}` edits the text: the author only; newly mentioned people are notified.",
      body: ZUpdateComment,
      ok: { status: 200, description: "The comment", schema: z.object({ id: z.uuid(), threadId: z.uuid(), body: z.string(), resolvedAt: z.iso.datetime().nullable(), editedAt: z.iso.datetime().nullable() }) },
      errors: WRITE,
    },
    delete: { tag: "comments", summary: "Delete a comment (the author, or an admin / owner); deleting a thread's first comment deletes its replies", ok: { status: 204, description: "Deleted" }, errors: [401, 403, 404] },
  },
  "/api/v1/notifications": {
    get: { tag: "notifications", summary: "The caller's inbox, newest first", query: ZNotificationListQuery, ok: { status: 200, description: "Notifications", schema: z.array(ZNotification) }, errors: [401, 422] },
  },
  "/api/v1/notifications/read": {
    post: { tag: "notifications", summary: "Mark the caller's entries read: `{ids}` or `{all: true}` (others' ids are ignored)", body: ZMarkNotificationsRead, ok: { status: 200, description: "How many entries changed", schema: z.object({ updated: z.number().int() }) }, errors: [401, 413, 422] },
  },
  "/api/v1/maps/{id}/share-links": shareLinkOperations("maps"),
  "/api/v1/personas/{id}/share-links": shareLinkOperations("personas"),
  "/api/v1/stakeholder-maps/{id}/share-links": shareLinkOperations("stakeholder-maps"),
  "/api/v1/share-links/{id}": {
    delete: { tag: "share-links", summary: "Revoke a share link (editors): it answers 404 from now on and open shared views close", ok: { status: 204, description: "Revoked" }, errors: [401, 403, 404] },
  },
  "/api/v1/maps/{id}/versions": {
    get: { tag: "versions", summary: "The map's saved versions, newest first", ok: { status: 200, description: "Versions", schema: z.array(ZVersionItem) }, errors: READ },
    post: {
      tag: "versions",
      summary: "Save the map's current state as a named version (editors)",
      description: `At most ${MAX_VERSIONS_PER_MAP} versions per map (409).`,
      // The handler's body is `z.object({ name: ZVersionLabel })` (app/api/v1/maps/[id]/versions/route.ts).
      body: z.object({ name: ZVersionLabel }),
      ok: { status: 201, description: "The new version", schema: z.object({ id: z.uuid(), name: z.string(), createdAt: z.iso.datetime() }) },
      errors: [...WRITE, 409],
    },
  },
  "/api/v1/maps/{id}/versions/{versionId}": {
    get: { tag: "versions", summary: "That version of the map as journeyboard.map/v1, plus `version: {id, name, kind, createdAt}`", ok: { status: 200, description: "The version", schema: z.intersection(ZMapExport, z.object({ version: ZVersionItem.omit({ createdByName: true }) })) }, errors: READ },
  },
  "/api/v1/maps/{id}/versions/{versionId}/compare": {
    get: {
      tag: "versions",
      summary: "What changed from this version to another one (or to the map now)",
      description: "`diff.touchpoints.{added, removed, changed}` (title, stage, emotion, moment of truth, department, `texts` for the text lanes and custom lanes, `painPoints`/`opportunities` added and removed), `diff.kpis` (status on/off target), `diff.kpiValues` (added, removed, target/actual changed), `diff.gaps`, `diff.stages`, `diff.averageEmotion`.",
      query: z.object({ with: z.string().optional().describe("the other version's id; omitted = the map now") }),
      ok: { status: 200, description: "The comparison", schema: { type: "object" } },
      errors: READ,
    },
  },
  "/api/v1/maps/{id}/versions/{versionId}/restore": {
    post: {
      tag: "versions",
      summary: "Restore a saved version (editors)",
      description: "The current state is saved as a `restore` version first (restoring that one undoes it), then the version's content is applied through the live document like PUT (open editors see it at once).",
      ok: { status: 200, description: "The map as restored and the id of the version saved before", schema: z.object({ map: ZMapExport, savedVersionId: z.uuid() }) },
      errors: [401, 403, 404, 409],
    },
  },
  "/api/v1/workspaces/{slug}/search": {
    get: {
      tag: "search",
      summary: "Search maps, touchpoints (every lane), personas, stakeholders and comments",
      description: "Full-text search with German and English stemming plus prefix matching for type-ahead; websearch syntax (\"quoted phrase\", -word, or). Ranked best first (titles and names above body text); one result per touchpoint, persona or stakeholder (its best-matching cell). `path` opens the exact cell in the app; `snippet` marks the matches. `q` empty or too long → 400.",
      query: ZSearchParams,
      ok: { status: 200, description: "Results", schema: ZSearchResponse },
      errors: [400, ...READ],
    },
  },
  "/api/v1/workspaces/{slug}/dashboard": {
    get: { tag: "dashboard", summary: "Every dashboard panel as JSON", query: ZDashboardFilters, queryNames: FILTER_PARAMS, ok: { status: 200, description: "Panels", schema: { type: "object" } }, errors: READ },
  },
};

function operationJson(path: string, op: Operation): Json {
  const parameters: Json[] = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1], in: "path", required: true, schema: { type: "string" }, description: m[1] === "slug" ? "workspace slug" : m[1] === "versionId" ? "version id (uuid)" : "resource id (uuid)",
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
      description: "Customer journey maps (with saved versions), personas, stakeholder maps, dashboards, comments, notifications and share links. Authenticate with the session cookie or `Authorization: Bearer <personal access token>`. Another workspace's resources answer 404; viewers read only.",
    },
    servers: [{ url: "/" }],
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    tags: ["workspaces", "maps", "versions", "personas", "stakeholders", "comments", "notifications", "share-links", "dashboard", "search", "meta"].map((name) => ({ name })),
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
