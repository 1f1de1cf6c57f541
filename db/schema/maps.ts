// Journey maps. The live content is the Yjs document `map:{id}`; the tables below hold the map's
// metadata and the relational projection of its content that lists, search and dashboards query.
import {
  bigserial, boolean, date, doublePrecision, index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text,
  timestamp, uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { users } from "./auth";
import { bytea, createdAt, id, updatedAt } from "./columns";
import { workspaces } from "./workspaces";

export const mapStateEnum = pgEnum("map_state", ["current", "future"]);
export const opportunityStatusEnum = pgEnum("opportunity_status", ["open", "in_progress", "done"]);
export const gapKindEnum = pgEnum("gap_kind", ["channel", "device", "department"]);
export const evidenceKindEnum = pgEnum("evidence_kind", ["quantitative", "qualitative"]);

export const journeyMaps = pgTable(
  "journey_maps",
  {
    id: id(),
    workspaceId: uuid("workspace_id").notNull().references(() => workspaces.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    state: mapStateEnum("state").notNull().default("current"),
    outcome: text("outcome").notNull().default(""),
    cyclic: boolean("cyclic").notNull().default(false),
    /** Department (name) owning the map as a whole, for list filters and freshness. */
    ownerDepartment: text("owner_department"),
    ownerId: text("owner_id").references(() => users.id, { onDelete: "set null" }),
    templateKey: text("template_key"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    /** Last change to the content or metadata. */
    updatedAt: updatedAt(),
    /** Last time a team marked the map as reviewed ("still true?"). */
    reviewedAt: timestamp("reviewed_at", { withTimezone: true, mode: "date" }),
    /** Soft delete: restorable for 30 days. */
    deletedAt: timestamp("deleted_at", { withTimezone: true, mode: "date" }),
    touchpointCount: integer("touchpoint_count").notNull().default(0),
    avgEmotion: doublePrecision("avg_emotion"),
    /** The emotion of each touchpoint in order (null = unrated), for sparklines. */
    emotionCurve: jsonb("emotion_curve").$type<(number | null)[]>().notNull().default([]),
  },
  (t) => [index("journey_maps_workspace_idx").on(t.workspaceId, t.deletedAt, t.updatedAt)],
);

export const mapPersonas = pgTable(
  "map_personas",
  {
    mapId: uuid("map_id").notNull().references(() => journeyMaps.id, { onDelete: "cascade" }),
    personaId: uuid("persona_id").notNull(),
    workspaceId: uuid("workspace_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.mapId, t.personaId] }), index("map_personas_persona_idx").on(t.personaId)],
);

export const mapStages = pgTable(
  "map_stages",
  {
    mapId: uuid("map_id").notNull().references(() => journeyMaps.id, { onDelete: "cascade" }),
    stageId: text("stage_id").notNull(),
    workspaceId: uuid("workspace_id").notNull(),
    name: text("name").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.mapId, t.stageId] }), index("map_stages_ws_idx").on(t.workspaceId, t.name)],
);

export const mapTouchpoints = pgTable(
  "map_touchpoints",
  {
    mapId: uuid("map_id").notNull().references(() => journeyMaps.id, { onDelete: "cascade" }),
    touchpointId: text("touchpoint_id").notNull(),
    workspaceId: uuid("workspace_id").notNull(),
    stageId: text("stage_id").notNull(),
    stageName: text("stage_name").notNull(),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    channel: text("channel").notNull().default(""),
    device: text("device").notNull().default(""),
    department: text("department").notNull().default(""),
    owner: text("owner").notNull().default(""),
    emotion: smallint("emotion"),
    momentOfTruth: boolean("moment_of_truth").notNull().default(false),
    painPointCount: integer("pain_point_count").notNull().default(0),
    /** Issue 13 (method): "wow" | "frustration" | null (momentOfTruth = kind is not null). */
    momentOfTruthKind: text("moment_of_truth_kind"),
    /** Issue 13 (method): "high" | "medium" | "low" | null. */
    priority: text("priority"),
    /** Issue 13 (method): flagged as possibly superfluous. */
    superfluous: boolean("superfluous").notNull().default(false),
    systems: jsonb("systems").$type<string[]>().notNull().default([]),
    /** All text of the touchpoint, for search. */
    searchText: text("search_text").notNull().default(""),
  },
  (t) => [
    primaryKey({ columns: [t.mapId, t.touchpointId] }),
    index("map_touchpoints_ws_idx").on(t.workspaceId, t.department),
    index("map_touchpoints_ws_emotion_idx").on(t.workspaceId, t.emotion),
    // Dashboard: the stage filter, and moments of truth (a small share of all touchpoints).
    index("map_touchpoints_ws_stage_idx").on(t.workspaceId, t.stageName),
    index("map_touchpoints_ws_mot_idx").on(t.workspaceId, t.mapId).where(sql`${t.momentOfTruth}`),
  ],
);

export const touchpointKpis = pgTable(
  "touchpoint_kpis",
  {
    mapId: uuid("map_id").notNull().references(() => journeyMaps.id, { onDelete: "cascade" }),
    touchpointId: text("touchpoint_id").notNull(),
    workspaceId: uuid("workspace_id").notNull(),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    target: doublePrecision("target"),
    actual: doublePrecision("actual"),
    unit: text("unit").notNull().default(""),
    /** Whether higher is better; decides if actual ≥ target or ≤ target is on target. */
    higherIsBetter: boolean("higher_is_better").notNull().default(true),
    onTarget: boolean("on_target"),
  },
  (t) => [primaryKey({ columns: [t.mapId, t.touchpointId, t.position] }), index("touchpoint_kpis_ws_idx").on(t.workspaceId)],
);

export const touchpointOpportunities = pgTable(
  "touchpoint_opportunities",
  {
    mapId: uuid("map_id").notNull().references(() => journeyMaps.id, { onDelete: "cascade" }),
    touchpointId: text("touchpoint_id").notNull(),
    workspaceId: uuid("workspace_id").notNull(),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    owner: text("owner").notNull().default(""),
    department: text("department").notNull().default(""),
    status: opportunityStatusEnum("status").notNull().default("open"),
    /** Issue 13 (method): prioritisation matrix — impact and effort 1…5 (null = not rated), due date. */
    impact: smallint("impact"),
    effort: smallint("effort"),
    dueDate: date("due_date", { mode: "string" }),
  },
  (t) => [primaryKey({ columns: [t.mapId, t.touchpointId, t.position] }), index("touchpoint_opps_ws_idx").on(t.workspaceId, t.status)],
);

export const mapGaps = pgTable(
  "map_gaps",
  {
    mapId: uuid("map_id").notNull().references(() => journeyMaps.id, { onDelete: "cascade" }),
    fromTouchpointId: text("from_touchpoint_id").notNull(),
    toTouchpointId: text("to_touchpoint_id").notNull(),
    kind: gapKindEnum("kind").notNull(),
    workspaceId: uuid("workspace_id").notNull(),
    fromValue: text("from_value").notNull(),
    toValue: text("to_value").notNull(),
    handled: boolean("handled").notNull().default(false),
    note: text("note").notNull().default(""),
  },
  (t) => [
    primaryKey({ columns: [t.mapId, t.fromTouchpointId, t.toTouchpointId, t.kind] }),
    index("map_gaps_ws_idx").on(t.workspaceId),
    // Dashboard: only open gaps are counted.
    index("map_gaps_ws_open_idx").on(t.workspaceId, t.kind).where(sql`not ${t.handled}`),
  ],
);

/**
 * Data overlay: measured KPI values posted through the API, kept as a history. `scope` says what the
 * KPI belongs to: a touchpoint (`touchpoint_id` = its id), a stage (`touchpoint_id` = the stage id) or
 * the whole journey (`touchpoint_id` = "").
 */
export const touchpointMetrics = pgTable(
  "touchpoint_metrics",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    workspaceId: uuid("workspace_id").notNull(),
    mapId: uuid("map_id").notNull().references(() => journeyMaps.id, { onDelete: "cascade" }),
    /** "touchpoint" | "stage" | "journey". */
    scope: text("scope").notNull().default("touchpoint"),
    /** The touchpoint or stage id; "" for journey KPIs. */
    touchpointId: text("touchpoint_id").notNull(),
    /** KPI name as sent (journey KPIs: the KPI's name at the time). */
    kpi: text("kpi").notNull(),
    /** The journey/stage KPI's document id when known, so a renamed KPI keeps its history. */
    kpiId: text("kpi_id"),
    value: doublePrecision("value").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("touchpoint_metrics_map_idx").on(t.mapId, t.touchpointId), index("touchpoint_metrics_ws_scope_idx").on(t.workspaceId, t.scope, t.at)],
);

/** Projection: the emotion of a touchpoint per linked persona (touchpoint.personaEmotions). */
export const touchpointPersonaEmotions = pgTable(
  "touchpoint_persona_emotions",
  {
    mapId: uuid("map_id").notNull().references(() => journeyMaps.id, { onDelete: "cascade" }),
    touchpointId: text("touchpoint_id").notNull(),
    personaId: uuid("persona_id").notNull(),
    workspaceId: uuid("workspace_id").notNull(),
    emotion: smallint("emotion").notNull(),
  },
  (t) => [primaryKey({ columns: [t.mapId, t.touchpointId, t.personaId] }), index("tp_persona_emotions_ws_idx").on(t.workspaceId, t.personaId)],
);

/** Projection: the map's journey KPIs (outcomes) with targets, for the dashboard. */
export const mapJourneyKpis = pgTable(
  "map_journey_kpis",
  {
    mapId: uuid("map_id").notNull().references(() => journeyMaps.id, { onDelete: "cascade" }),
    kpiId: text("kpi_id").notNull(),
    workspaceId: uuid("workspace_id").notNull(),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    /** csat | ces | nps | retention | conversion | revenue | custom. */
    metric: text("metric").notNull().default("custom"),
    target: doublePrecision("target"),
    actual: doublePrecision("actual"),
    unit: text("unit").notNull().default(""),
    higherIsBetter: boolean("higher_is_better").notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.mapId, t.kpiId] }), index("map_journey_kpis_ws_idx").on(t.workspaceId, t.metric)],
);

/** Named versions of a map ("Q3 workshop"), for history and comparisons over time. */
export const mapVersions = pgTable(
  "map_versions",
  {
    id: id(),
    mapId: uuid("map_id").notNull().references(() => journeyMaps.id, { onDelete: "cascade" }),
    workspaceId: uuid("workspace_id").notNull(),
    label: text("label").notNull(),
    /** `named` (saved by someone), `daily` (the automatic daily version) or `restore` (saved just before a restore). */
    kind: text("kind").notNull().default("named"),
    /** Yjs state of the map document at that moment. */
    state: bytea("state").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("map_versions_map_idx").on(t.mapId, t.createdAt)],
);

export type JourneyMapRow = typeof journeyMaps.$inferSelect;
export type MapTouchpointRow = typeof mapTouchpoints.$inferSelect;
