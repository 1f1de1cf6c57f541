// Test data for the relational projection of journey maps (db/schema/maps.ts): inserts the rows the
// projection would write, so dashboard and list queries can be tested without Yjs documents.
import { randomBytes } from "node:crypto";
import type { DbOrTx } from "@/db/client";
import {
  journeyMaps, mapGaps, mapPersonas, mapStages, mapTouchpoints, personas, touchpointKpis, touchpointOpportunities,
} from "@/db/schema";

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
  painPoints?: number;
  kpis?: KpiInput[];
  opportunities?: OpportunityInput[];
};
export type GapInput = { from: string; to: string; kind: "channel" | "device" | "department"; fromValue: string; toValue: string; handled?: boolean };
export type ProjectedMapInput = Partial<typeof journeyMaps.$inferInsert> & {
  workspaceId: string;
  personaIds?: string[];
  stages?: { id: string; name: string }[];
  touchpoints?: TouchpointInput[];
  /** Explicit gaps; `"derive"` computes them from consecutive touchpoints like the projection does. */
  gaps?: GapInput[] | "derive";
};

/** Whether a KPI meets its target (null when not measured). */
export function isOnTarget(kpi: KpiInput): boolean | null {
  if (kpi.target === null || kpi.target === undefined || kpi.actual === null || kpi.actual === undefined) return null;
  return (kpi.higherIsBetter ?? true) ? kpi.actual >= kpi.target : kpi.actual <= kpi.target;
}

/** Gaps at every transition between consecutive touchpoints where channel, device or department changes. */
export function deriveGaps(touchpoints: (TouchpointInput & { id: string })[]): GapInput[] {
  const gaps: GapInput[] = [];
  for (let i = 1; i < touchpoints.length; i++) {
    const a = touchpoints[i - 1];
    const b = touchpoints[i];
    for (const kind of ["channel", "device", "department"] as const) {
      const from = a[kind] ?? "";
      const to = b[kind] ?? "";
      if (from && to && from !== to) gaps.push({ from: a.id, to: b.id, kind, fromValue: from, toValue: to });
    }
  }
  return gaps;
}

/** Inserts a map with its stages, touchpoints, KPIs, opportunities, gaps and persona links. Returns the map row and touchpoint ids. */
export async function createProjectedMap(db: DbOrTx, input: ProjectedMapInput) {
  const { personaIds = [], stages = [], touchpoints = [], gaps = [], ...mapValues } = input;
  const tps = touchpoints.map((t, i) => ({ ...t, id: t.id ?? `tp-${i + 1}` }));
  const rated = tps.map((t) => t.emotion ?? null).filter((e): e is number => e !== null);
  const [map] = await db
    .insert(journeyMaps)
    .values({
      title: `Map ${unique()}`,
      touchpointCount: tps.length,
      avgEmotion: rated.length ? rated.reduce((a, b) => a + b, 0) / rated.length : null,
      emotionCurve: tps.map((t) => t.emotion ?? null),
      ...mapValues,
    })
    .returning();
  const workspaceId = input.workspaceId;
  const stageName = new Map(stages.map((s) => [s.id, s.name]));
  if (stages.length) {
    await db.insert(mapStages).values(stages.map((s, position) => ({ mapId: map.id, stageId: s.id, workspaceId, name: s.name, position })));
  }
  if (tps.length) {
    await db.insert(mapTouchpoints).values(
      tps.map((t, position) => ({
        mapId: map.id,
        touchpointId: t.id,
        workspaceId,
        stageId: t.stageId,
        stageName: stageName.get(t.stageId) ?? "",
        position,
        title: t.title ?? `Touchpoint ${position + 1}`,
        channel: t.channel ?? "",
        device: t.device ?? "",
        department: t.department ?? "",
        owner: t.owner ?? "",
        emotion: t.emotion ?? null,
        momentOfTruth: t.momentOfTruth ?? false,
        painPointCount: t.painPoints ?? 0,
        searchText: t.title ?? "",
      })),
    );
  }
  const kpis = tps.flatMap((t) =>
    (t.kpis ?? []).map((k, position) => ({
      mapId: map.id, touchpointId: t.id, workspaceId, position, name: k.name,
      target: k.target ?? null, actual: k.actual ?? null, unit: k.unit ?? "", higherIsBetter: k.higherIsBetter ?? true, onTarget: isOnTarget(k),
    })),
  );
  if (kpis.length) await db.insert(touchpointKpis).values(kpis);
  const opportunities = tps.flatMap((t) =>
    (t.opportunities ?? []).map((o, position) => ({
      mapId: map.id, touchpointId: t.id, workspaceId, position, text: o.text,
      owner: o.owner ?? "", department: o.department ?? "", status: o.status ?? "open",
    })),
  );
  if (opportunities.length) await db.insert(touchpointOpportunities).values(opportunities);
  const gapRows = gaps === "derive" ? deriveGaps(tps) : gaps;
  if (gapRows.length) {
    await db.insert(mapGaps).values(
      gapRows.map((g) => ({
        mapId: map.id, workspaceId, fromTouchpointId: g.from, toTouchpointId: g.to, kind: g.kind,
        fromValue: g.fromValue, toValue: g.toValue, handled: g.handled ?? false,
      })),
    );
  }
  if (personaIds.length) await db.insert(mapPersonas).values(personaIds.map((personaId) => ({ mapId: map.id, personaId, workspaceId })));
  return { map, touchpointIds: tps.map((t) => t.id) };
}

export async function createPersona(db: DbOrTx, workspaceId: string, overrides: Partial<typeof personas.$inferInsert> = {}) {
  const [persona] = await db.insert(personas).values({ workspaceId, name: `Persona ${unique()}`, ...overrides }).returning();
  return persona;
}
