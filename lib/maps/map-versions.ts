// Saved versions of a map ("what changed since the workshop?"): a label and the Yjs state of the map
// document at that moment, compared against the current document with `diffMaps`.
import { and, asc, count, desc, eq, ne } from "drizzle-orm";
import * as Y from "yjs";
import { z } from "zod";
import type { Database } from "@/db/client";
import { findMap } from "@/db/queries/maps";
import { mapVersions, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { diffMaps, type MapDiff } from "./diff-maps";
import { readMap } from "./map-document";
import { readMapDocument } from "./map-documents";

export const MAX_VERSIONS_PER_MAP = 200;
export const ZVersionLabel = z.string().trim().min(1, "label_required").max(120, "label_too_long");

export type MapVersionKind = "named" | "daily" | "restore";
export type MapVersionItem = { id: string; label: string; kind: MapVersionKind; createdAt: Date; createdByName: string | null };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function requireMap(db: Database, workspaceId: string, mapId: string) {
  if (!(await findMap(db, workspaceId, mapId))) throw new AppError("not_found");
}

export async function createMapVersion(
  db: Database,
  { workspaceId, mapId, label, userId, kind = "named", at }: { workspaceId: string; mapId: string; label: string; userId: string | null; kind?: MapVersionKind; /** Creation time (the daily job's clock); default now. */ at?: Date },
): Promise<MapVersionItem> {
  const parsed = ZVersionLabel.safeParse(label);
  if (!parsed.success) throw new AppError("invalid_input", undefined, { label: parsed.error.issues[0].message });
  await requireMap(db, workspaceId, mapId);
  const [{ n }] = await db.select({ n: count() }).from(mapVersions).where(and(eq(mapVersions.mapId, mapId), eq(mapVersions.workspaceId, workspaceId)));
  // Automatic versions (daily, before a restore) make room by dropping the oldest automatic one.
  if (n >= MAX_VERSIONS_PER_MAP && kind !== "named") await dropOldestAutomatic(db, workspaceId, mapId);
  else if (n >= MAX_VERSIONS_PER_MAP) throw new AppError("conflict", `at most ${MAX_VERSIONS_PER_MAP} versions per map`);
  const doc = await readMapDocument(db, workspaceId, mapId);
  const [row] = await db
    .insert(mapVersions)
    .values({ mapId, workspaceId, label: parsed.data, kind, state: Y.encodeStateAsUpdate(doc), createdBy: userId, ...(at ? { createdAt: at } : {}) })
    .returning({ id: mapVersions.id, label: mapVersions.label, kind: mapVersions.kind, createdAt: mapVersions.createdAt });
  const [creator] = userId ? await db.select({ name: users.name }).from(users).where(eq(users.id, userId)) : [];
  return { ...row, kind: row.kind as MapVersionKind, createdByName: creator?.name ?? null };
}

async function dropOldestAutomatic(db: Database, workspaceId: string, mapId: string) {
  const [oldest] = await db
    .select({ id: mapVersions.id })
    .from(mapVersions)
    .where(and(eq(mapVersions.mapId, mapId), eq(mapVersions.workspaceId, workspaceId), ne(mapVersions.kind, "named")))
    .orderBy(asc(mapVersions.createdAt))
    .limit(1);
  if (!oldest) throw new AppError("conflict", `at most ${MAX_VERSIONS_PER_MAP} versions per map`);
  await db.delete(mapVersions).where(eq(mapVersions.id, oldest.id));
}

/** Newest first. */
export async function listMapVersions(db: Database, workspaceId: string, mapId: string): Promise<MapVersionItem[]> {
  await requireMap(db, workspaceId, mapId);
  return db
    .select({ id: mapVersions.id, label: mapVersions.label, kind: mapVersions.kind, createdAt: mapVersions.createdAt, createdByName: users.name })
    .from(mapVersions)
    .leftJoin(users, eq(users.id, mapVersions.createdBy))
    .where(and(eq(mapVersions.mapId, mapId), eq(mapVersions.workspaceId, workspaceId)))
    .orderBy(desc(mapVersions.createdAt), desc(mapVersions.id))
    .then((rows) => rows.map((r) => ({ ...r, kind: r.kind as MapVersionKind })));
}

/** One saved version with its document (a private copy); 404 for another map's or workspace's version. */
export async function loadMapVersion(
  db: Database,
  { workspaceId, mapId, versionId }: { workspaceId: string; mapId: string; versionId: string },
): Promise<{ version: MapVersionItem; doc: Y.Doc }> {
  await requireMap(db, workspaceId, mapId);
  if (!UUID.test(versionId)) throw new AppError("not_found");
  const [row] = await db
    .select({ id: mapVersions.id, label: mapVersions.label, kind: mapVersions.kind, createdAt: mapVersions.createdAt, createdByName: users.name, state: mapVersions.state })
    .from(mapVersions)
    .leftJoin(users, eq(users.id, mapVersions.createdBy))
    .where(and(eq(mapVersions.id, versionId.toLowerCase()), eq(mapVersions.mapId, mapId), eq(mapVersions.workspaceId, workspaceId)));
  if (!row) throw new AppError("not_found");
  const doc = new Y.Doc();
  Y.applyUpdate(doc, row.state);
  const { state: _state, ...version } = row;
  return { version: { ...version, kind: version.kind as MapVersionKind }, doc };
}

/**
 * What changed from version `fromId` to version `toId` (or to the map now when `toId` is null).
 * Versions are compared in the order given: pass the older one first for "what changed since".
 */
export async function compareMapVersions(
  db: Database,
  { workspaceId, mapId, fromId, toId }: { workspaceId: string; mapId: string; fromId: string; toId: string | null },
): Promise<{ from: MapVersionItem; to: MapVersionItem | null; diff: MapDiff }> {
  const a = await loadMapVersion(db, { workspaceId, mapId, versionId: fromId });
  const b = toId ? await loadMapVersion(db, { workspaceId, mapId, versionId: toId }) : null;
  const before = readMap(a.doc);
  const after = readMap(b ? b.doc : await readMapDocument(db, workspaceId, mapId));
  a.doc.destroy();
  b?.doc.destroy();
  return { from: a.version, to: b?.version ?? null, diff: diffMaps(before, after) };
}

/** The diff between the saved version (before) and the current document (after). */
export async function compareMapVersion(
  db: Database,
  { workspaceId, mapId, versionId }: { workspaceId: string; mapId: string; versionId: string },
): Promise<{ version: MapVersionItem; diff: MapDiff }> {
  await requireMap(db, workspaceId, mapId);
  if (!UUID.test(versionId)) throw new AppError("not_found");
  const [row] = await db
    .select({ id: mapVersions.id, label: mapVersions.label, kind: mapVersions.kind, createdAt: mapVersions.createdAt, createdByName: users.name, state: mapVersions.state })
    .from(mapVersions)
    .leftJoin(users, eq(users.id, mapVersions.createdBy))
    .where(and(eq(mapVersions.id, versionId), eq(mapVersions.mapId, mapId), eq(mapVersions.workspaceId, workspaceId)));
  if (!row) throw new AppError("not_found");
  const old = new Y.Doc();
  Y.applyUpdate(old, row.state);
  const before = readMap(old);
  old.destroy();
  const after = readMap(await readMapDocument(db, workspaceId, mapId));
  const { state: _state, ...version } = row;
  return { version: { ...version, kind: version.kind as MapVersionKind }, diff: diffMaps(before, after) };
}
