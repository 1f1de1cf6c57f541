// Test maps made the way the product makes them: a map row, a collaborative document filled
// through the export format (applyExport), and the relational projection written by the real
// `projectMap` — so dashboard and list tests exercise the projection instead of a copy of it.
// Only what the projection cannot know is set afterwards: when the map was last changed or reviewed
// and whether it is deleted (tests need dates in the past).
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import * as Y from "yjs";
import type { DbOrTx } from "@/db/client";
import { journeyMaps, personas } from "@/db/schema";
import { applyExport, MAP_EXPORT_FORMAT, readMap, ZMapExport } from "@/lib/maps/map-document";
import { projectMap } from "@/lib/maps/project-map";

const unique = () => randomBytes(4).toString("hex");

export type KpiInput = { name: string; target?: number | null; actual?: number | null; unit?: string; higherIsBetter?: boolean };
export type OpportunityInput = { text: string; status?: "open" | "in_progress" | "done"; department?: string; owner?: string };
export type TouchpointInput = {
  id?: string;
  stageId: string;
  title?: string;
  channel?: string;
  device?: string;
  department?: string;
  owner?: string;
  emotion?: number | null;
  momentOfTruth?: boolean;
  /** How many pain points (each a short text). */
  painPoints?: number;
  kpis?: KpiInput[];
  opportunities?: OpportunityInput[];
  /** Emotion per persona id (touchpoint.personaEmotions). */
  personaEmotions?: Record<string, number>;
};
export type MapInput = {
  workspaceId: string;
  title?: string;
  state?: "current" | "future";
  ownerDepartment?: string | null;
  ownerId?: string | null;
  updatedBy?: string | null;
  updatedAt?: Date;
  reviewedAt?: Date | null;
  deletedAt?: Date | null;
  personaIds?: string[];
  stages?: { id: string; name: string }[];
  touchpoints?: TouchpointInput[];
  /** Gaps (computed by the projection from consecutive touchpoints) to mark as handled. */
  handledGaps?: { from: string; to: string; kind: "channel" | "device" | "department" }[];
  /** Journey KPIs (outcomes) of the map. */
  journeyKpis?: { id?: string; name: string; metric?: "csat" | "ces" | "nps" | "retention" | "conversion" | "revenue" | "custom"; target?: number | null; actual?: number | null; unit?: string; higherIsBetter?: boolean }[];
};

/** Creates a map and projects it; returns the map row (after the date overrides) and touchpoint ids. */
export async function createMap(db: DbOrTx, input: MapInput) {
  const title = input.title ?? `Map ${unique()}`;
  const [row] = await db
    .insert(journeyMaps)
    .values({ workspaceId: input.workspaceId, title, ownerDepartment: input.ownerDepartment ?? null, ownerId: input.ownerId ?? null })
    .returning({ id: journeyMaps.id });
  const tps = (input.touchpoints ?? []).map((t, i) => ({ ...t, id: t.id ?? `tp-${i + 1}` }));
  const data = ZMapExport.parse({
    format: MAP_EXPORT_FORMAT,
    title,
    state: input.state ?? "current",
    personaIds: input.personaIds ?? [],
    stages: input.stages ?? [],
    touchpoints: tps.map((t) => ({
      id: t.id,
      stageId: t.stageId,
      title: t.title ?? "",
      channel: t.channel ?? "",
      device: t.device ?? "",
      department: t.department ?? "",
      owner: t.owner ?? "",
      emotion: t.emotion ?? null,
      momentOfTruth: t.momentOfTruth ?? false,
      painPoints: Array.from({ length: t.painPoints ?? 0 }, (_, i) => `Pain point ${i + 1}`),
      kpis: t.kpis ?? [],
      opportunityDetails: t.opportunities ?? [],
      personaEmotions: t.personaEmotions ?? {},
    })),
    journeyKpis: input.journeyKpis ?? [],
    gapNotes: (input.handledGaps ?? []).map((g) => ({ fromTouchpointId: g.from, toTouchpointId: g.to, kind: g.kind, handled: true })),
  });
  const doc = new Y.Doc();
  applyExport(doc, data);
  const map = readMap(doc);
  doc.destroy();
  const projected = await projectMap(db, { workspaceId: input.workspaceId, mapId: row.id, map, updatedBy: input.updatedBy ?? null });
  if (!projected) throw new Error("map-factory: the projection found no map row");
  const patch = {
    ...(input.updatedAt ? { updatedAt: input.updatedAt } : {}),
    ...(input.reviewedAt !== undefined ? { reviewedAt: input.reviewedAt } : {}),
    ...(input.deletedAt !== undefined ? { deletedAt: input.deletedAt } : {}),
  };
  const [final] = Object.keys(patch).length
    ? await db.update(journeyMaps).set(patch).where(eq(journeyMaps.id, row.id)).returning()
    : await db.select().from(journeyMaps).where(eq(journeyMaps.id, row.id));
  return { map: final, touchpointIds: tps.map((t) => t.id) };
}

export async function createPersona(db: DbOrTx, workspaceId: string, overrides: Partial<typeof personas.$inferInsert> = {}) {
  const [persona] = await db.insert(personas).values({ workspaceId, name: `Persona ${unique()}`, ...overrides }).returning();
  return persona;
}
