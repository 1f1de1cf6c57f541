// Demo (issue 13): the current and future SaaS onboarding maps become a linked current ⇄ future pair.
// The future map's stages take the current map's stage ids (stage by stage, so they align), its
// touchpoints link to the current touchpoints they redesign, with a mix of statuses. Linking is by
// position, not by text, so it works for the English and the German demo content alike.
import type * as Y from "yjs";
import type { Database } from "@/db/client";
import { mapPairs } from "@/db/schema";
import { applyExport, parseMapExport, readMap, toExport, type FutureStatus } from "@/lib/maps/map-document";

/**
 * Future touchpoint (journey order) → index of the current touchpoint it derives from (null = new).
 * Current: 0 ad, 1 pricing page, 2 sign-up, 3 sales call, 4 welcome e-mail, 5 SSO setup, 6 onboarding call,
 * 7 first project, 8 first invoice. Future: 0 ad with demo, 1 pricing, 2 two-field sign-up, 3 product-qualified
 * sales call (new: after the first project), 4 SSO wizard, 5 onboarding call, 6 first project, 7 e-invoice.
 * The welcome e-mail and the old sales call are gone in the future state.
 */
const SOURCE_INDEX: (number | null)[] = [0, 1, 2, null, 5, 6, 7, 8];
const STATUS: FutureStatus[] = ["live", "live", "in_progress", "planned", "in_progress", "live", "idea", "planned"];

/** Rewrites the future document in place: aligned stage ids, source links and statuses. */
export function linkDemoFutureState(currentDoc: Y.Doc, futureDoc: Y.Doc): void {
  const current = readMap(currentDoc);
  const data = toExport(futureDoc, "");
  const stageIds = new Map(data.stages.map((s, i) => [s.id, current.stages[i]?.id ?? s.id]));
  applyExport(
    futureDoc,
    parseMapExport({
      ...data,
      stages: data.stages.map((s) => ({ ...s, id: stageIds.get(s.id)! })),
      touchpoints: data.touchpoints.map((t, i) => {
        const source = SOURCE_INDEX[i];
        return {
          ...t,
          stageId: stageIds.get(t.stageId)!,
          sourceTouchpointId: source === null || source === undefined ? null : (current.touchpoints[source]?.id ?? null),
          futureStatus: STATUS[i % STATUS.length],
        };
      }),
    }),
  );
}

/** Records the pair (after both maps exist). */
export async function seedDemoMapPair(db: Database, workspaceId: string, currentMapId: string, futureMapId: string, userId: string | null): Promise<void> {
  await db.insert(mapPairs).values({ currentMapId, futureMapId, workspaceId, createdBy: userId }).onConflictDoNothing();
}
