// Departments and owners by id (issue 13, "vocab"). A touchpoint keeps its display strings
// (`department`, `owner`) and gains `departmentId` (a department of the workspace) and `ownerId`
// (a member's user id); an opportunity gains `departmentId`. All optional: old documents read with
// null, old exports import without them.
//
// Migration on load is lazy and pure: `resolveReferences` fills a missing departmentId by matching
// the department string to a department name (case-insensitive) and replaces the display string of
// a known id with the department's current name — so a renamed department shows its new name in
// every map without rewriting any document. The editor resolves with the workspace's departments
// and members from the page; the projection with those from the database.
import { z } from "zod";
import type * as Y from "yjs";
import type { MapData, Touchpoint } from "./types";

type YMapLike = Y.Map<unknown>;

export type TouchpointRefs = { departmentId: string | null; ownerId: string | null };

const id = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v : null);

/** The id references of a touchpoint's Y.Map (null when absent). */
export function readTouchpointRefs(tp: YMapLike): TouchpointRefs {
  return { departmentId: id(tp.get("departmentId")), ownerId: id(tp.get("ownerId")) };
}
export function readOpportunityRefs(m: YMapLike): { departmentId: string | null } {
  return { departmentId: id(m.get("departmentId")) };
}

/** Writes references given in `input` (undefined = leave as is) onto a touchpoint or opportunity Y.Map. */
export function writeRefs(m: YMapLike, input: { departmentId?: string | null; ownerId?: string | null }, keys: readonly ("departmentId" | "ownerId")[]): void {
  for (const k of keys) {
    const v = input[k];
    if (v === undefined) continue;
    const next = id(v);
    // A new map (not yet in a document) cannot be read from (Yjs warns): just set.
    if (!m.doc || (m.get(k) ?? null) !== next) m.set(k, next);
  }
}

/** Export/import fields (optional on import; ids of another workspace are dropped by the importer). */
// No default: absent stays absent in the output type, so code building exports by hand need not name them.
const zRefId = z.string().trim().max(100, "at most 100 characters").nullable().optional();
export const ZTouchpointRefsShape = { departmentId: zRefId, ownerId: zRefId };
export const ZOpportunityRefsShape = { departmentId: zRefId };

export type ReferenceDirectory = {
  departments: { id: string; name: string }[];
  /** Members: user id and the name shown as owner (display name, else e-mail). */
  members: { userId: string; name: string }[];
};

const k = (s: string) => s.trim().toLocaleLowerCase();

/**
 * The map with references resolved against the workspace (pure; returns the same object when
 * nothing changes): ids filled from names (migration of old documents), names from ids (renames),
 * ids that are not the workspace's dropped. A department string that names no department stays
 * free text with a null id.
 */
export function resolveReferences(map: MapData, dir: ReferenceDirectory): MapData {
  const depById = new Map(dir.departments.map((d) => [d.id, d.name]));
  const depByName = new Map(dir.departments.map((d) => [k(d.name), d.id]));
  const memberById = new Map(dir.members.map((m) => [m.userId, m.name]));
  const memberByName = new Map<string, string | null>();
  for (const m of dir.members) {
    // Two members with the same name: ambiguous, no id.
    memberByName.set(k(m.name), memberByName.has(k(m.name)) ? null : m.userId);
  }
  const department = (idValue: string | null, name: string) => {
    if (idValue && depById.has(idValue)) return { departmentId: idValue, department: depById.get(idValue)! };
    const byName = name.trim() ? depByName.get(k(name)) : undefined;
    return byName ? { departmentId: byName, department: depById.get(byName)! } : { departmentId: null, department: name };
  };
  let changed = false;
  const touchpoints = map.touchpoints.map((t): Touchpoint => {
    const dep = department(t.departmentId, t.department);
    let ownerId: string | null = null;
    let owner = t.owner;
    if (t.ownerId && memberById.has(t.ownerId)) {
      ownerId = t.ownerId;
      owner = memberById.get(t.ownerId) || t.owner;
    } else if (t.owner.trim()) {
      ownerId = memberByName.get(k(t.owner)) ?? null;
      if (ownerId) owner = memberById.get(ownerId) || t.owner;
    }
    let oppChanged = false;
    const opportunities = t.opportunities.map((o) => {
      const d = department(o.departmentId, o.department);
      if (d.departmentId === o.departmentId && d.department === o.department) return o;
      oppChanged = true;
      return { ...o, ...d };
    });
    if (dep.departmentId === t.departmentId && dep.department === t.department && ownerId === t.ownerId && owner === t.owner && !oppChanged) return t;
    changed = true;
    return { ...t, ...dep, ownerId, owner, opportunities };
  });
  return changed ? { ...map, touchpoints } : map;
}

/** Import: ids that are not a department or member of the target workspace are dropped (the names stay). */
export function keepKnownReferences<T extends { departmentId?: string | null; ownerId?: string | null; opportunityDetails?: { departmentId?: string | null }[] }>(
  touchpoints: T[],
  known: { departmentIds: Set<string>; memberIds: Set<string> },
): T[] {
  return touchpoints.map((t) => ({
    ...t,
    departmentId: t.departmentId && known.departmentIds.has(t.departmentId) ? t.departmentId : null,
    ownerId: t.ownerId && known.memberIds.has(t.ownerId) ? t.ownerId : null,
    ...(t.opportunityDetails
      ? { opportunityDetails: t.opportunityDetails.map((o) => ({ ...o, departmentId: o.departmentId && known.departmentIds.has(o.departmentId) ? o.departmentId : null })) }
      : {}),
  }));
}
