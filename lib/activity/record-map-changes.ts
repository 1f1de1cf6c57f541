// What changed in a map, as the projection sees it: touchpoints added, moved, removed or edited
// (with who did it) go into map_activity; a touchpoint or opportunity newly owned by a member
// tells that member in their inbox. Called by projectMap inside its transaction, with the rows it
// is about to replace, so every path that changes a map (editor, REST, restore) is covered once.
import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { mapActivity, memberships, users, workspaces, type MapActivityKind } from "@/db/schema";
import { createNotifications, type NewNotification } from "@/lib/notifications/create-notifications";
import { appBaseUrl } from "@/lib/notifications/app-url";
import type { MapData } from "@/lib/maps/map-document";

/** A touchpoint as the projection stored it before this change. */
export type ProjectedTouchpoint = {
  touchpointId: string;
  stageId: string;
  title: string;
  owner: string;
  signature: string;
};
export type ProjectedOpportunity = { touchpointId: string; owner: string };

/** What makes an "edit": every field the projection keeps besides the place in the journey. */
export function touchpointSignature(t: { searchText: string; emotion: number | null; momentOfTruth: boolean }): string {
  return `${t.emotion ?? ""}|${t.momentOfTruth ? 1 : 0}|${t.searchText}`;
}

/** Indices (into `seq`) of one longest increasing subsequence: the touchpoints that kept their order. */
function longestIncreasing(seq: number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]] < seq[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) keep.add(i);
  return keep;
}

export type MapChange = { kind: MapActivityKind; touchpointId: string; title: string };

/** Pure diff of the old projection (in journey order) and the new document. */
export function diffTouchpoints(before: ProjectedTouchpoint[], after: { id: string; stageId: string; title: string; signature: string }[]): MapChange[] {
  const changes: MapChange[] = [];
  const old = new Map(before.map((t, i) => [t.touchpointId, { ...t, index: i }]));
  const now = new Set(after.map((t) => t.id));
  for (const t of after) if (!old.has(t.id)) changes.push({ kind: "touchpoint_added", touchpointId: t.id, title: t.title });
  for (const t of before) if (!now.has(t.touchpointId)) changes.push({ kind: "touchpoint_removed", touchpointId: t.touchpointId, title: t.title });
  const survivors = after.filter((t) => old.has(t.id));
  const kept = longestIncreasing(survivors.map((t) => old.get(t.id)!.index));
  survivors.forEach((t, i) => {
    const was = old.get(t.id)!;
    if (!kept.has(i) || was.stageId !== t.stageId) changes.push({ kind: "touchpoint_moved", touchpointId: t.id, title: t.title });
    else if (was.signature !== t.signature) changes.push({ kind: "touchpoint_edited", touchpointId: t.id, title: t.title });
  });
  return changes;
}

export async function recordMapChanges(
  tx: DbOrTx,
  opts: {
    workspaceId: string;
    mapId: string;
    mapTitle: string;
    actorId: string | null;
    before: ProjectedTouchpoint[];
    beforeOpportunities: ProjectedOpportunity[];
    after: MapData;
    signatures: Map<string, string>;
  },
): Promise<void> {
  const { workspaceId, mapId, actorId, after } = opts;
  const byId = new Map(after.touchpoints.map((t) => [t.id, t]));
  const changes = diffTouchpoints(
    opts.before,
    after.stages.flatMap((s) => s.touchpointIds).flatMap((id) => {
      const t = byId.get(id);
      return t ? [{ id, stageId: t.stageId, title: t.title, signature: opts.signatures.get(id) ?? "" }] : [];
    }),
  );
  for (let i = 0; i < changes.length; i += 500) {
    await tx.insert(mapActivity).values(changes.slice(i, i + 500).map((c) => ({ workspaceId, mapId, actorId, ...c })));
  }

  // Newly named owners (touchpoint or opportunity) who are members: tell them.
  const oldOwner = new Map(opts.before.map((t) => [t.touchpointId, t.owner.trim().toLowerCase()]));
  const oldOppOwners = new Map<string, Set<string>>();
  for (const o of opts.beforeOpportunities) {
    const set = oldOppOwners.get(o.touchpointId) ?? new Set<string>();
    set.add(o.owner.trim().toLowerCase());
    oldOppOwners.set(o.touchpointId, set);
  }
  const wanted: { kind: "touchpoint_owner" | "opportunity_owner"; owner: string; touchpointId: string; title: string; excerpt: string }[] = [];
  for (const t of after.touchpoints) {
    const owner = t.owner.trim().toLowerCase();
    if (owner && oldOwner.get(t.id) !== owner) wanted.push({ kind: "touchpoint_owner", owner, touchpointId: t.id, title: t.title, excerpt: "" });
    for (const o of t.opportunities) {
      const oo = o.owner.trim().toLowerCase();
      if (oo && o.text.trim() && !oldOppOwners.get(t.id)?.has(oo)) wanted.push({ kind: "opportunity_owner", owner: oo, touchpointId: t.id, title: t.title, excerpt: o.text });
    }
  }
  if (wanted.length === 0) return;
  const owners = [...new Set(wanted.map((w) => w.owner))];
  const members = await tx
    .select({ id: users.id, name: users.name, email: users.email, slug: workspaces.slug })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.workspaceId, workspaceId), or(inArray(sql`lower(trim(${users.name}))`, owners), inArray(sql`lower(${users.email})`, owners))));
  if (members.length === 0) return;
  const byKey = new Map<string, (typeof members)[number]>();
  for (const m of members) {
    if (m.name) byKey.set(m.name.trim().toLowerCase(), m);
    byKey.set(m.email.toLowerCase(), m);
  }
  const rows: NewNotification[] = [];
  const seen = new Set<string>();
  for (const w of wanted) {
    const m = byKey.get(w.owner);
    if (!m || m.id === actorId) continue;
    const key = `${m.id}|${w.kind}|${w.touchpointId}|${w.excerpt}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({
      workspaceId, userId: m.id, kind: w.kind, actorId, docKind: "map", docId: mapId, anchorKind: "touchpoint", anchorId: w.touchpointId,
      title: `${opts.mapTitle} › ${w.title}`, excerpt: w.excerpt.slice(0, 280), path: `/w/${m.slug}/maps/${mapId}?tp=${encodeURIComponent(w.touchpointId)}`,
    });
  }
  await createNotifications(tx, rows.slice(0, 200), { baseUrl: appBaseUrl() });
}
