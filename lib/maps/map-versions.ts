// Saved versions of a map ("what changed since the workshop?"): a label and the Yjs state of the map
// document at that moment, compared against the current document with `diffMaps`.
import { and, count, desc, eq } from "drizzle-orm";
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

export type MapVersionItem = { id: string; label: string; createdAt: Date; createdByName: string | null };

async function requireMap(db: Database, workspaceId: string, mapId: string) {
  if (!(await findMap(db, workspaceId, mapId))) throw new AppError("not_found");
}

export async function createMapVersion(
  db: Database,
  { workspaceId, mapId, label, userId }: { workspaceId: string; mapId: string; label: string; userId: string | null },
): Promise<MapVersionItem> {
  const parsed = ZVersionLabel.safeParse(label);
  if (!parsed.success) throw new AppError("invalid_input", undefined, { label: parsed.error.issues[0].message });
  await requireMap(db, workspaceId, mapId);
  const [{ n }] = await db.select({ n: count() }).from(mapVersions).where(and(eq(mapVersions.mapId, mapId), eq(mapVersions.workspaceId, workspaceId)));
  if (n >= MAX_VERSIONS_PER_MAP) throw new AppError("conflict", `at most ${MAX_VERSIONS_PER_MAP} versions per map`);
  const doc = await readMapDocument(db, workspaceId, mapId);
  const [row] = await db
    .insert(mapVersions)
    .values({ mapId, workspaceId, label: parsed.data, state: Y.encodeStateAsUpdate(doc), createdBy: userId })
    .returning({ id: mapVersions.id, label: mapVersions.label, createdAt: mapVersions.createdAt });
  const [creator] = userId ? await db.select({ name: users.name }).from(users).where(eq(users.id, userId)) : [];
  return { ...row, createdByName: creator?.name ?? null };
}

/** Newest first. */
export async function listMapVersions(db: Database, workspaceId: string, mapId: string): Promise<MapVersionItem[]> {
  await requireMap(db, workspaceId, mapId);
  return db
    .select({ id: mapVersions.id, label: mapVersions.label, createdAt: mapVersions.createdAt, createdByName: users.name })
    .from(mapVersions)
    .leftJoin(users, eq(users.id, mapVersions.createdBy))
    .where(and(eq(mapVersions.mapId, mapId), eq(mapVersions.workspaceId, workspaceId)))
    .orderBy(desc(mapVersions.createdAt), desc(mapVersions.id));
}

/** The diff between the saved version (before) and the current document (after). */
export async function compareMapVersion(
  db: Database,
  { workspaceId, mapId, versionId }: { workspaceId: string; mapId: string; versionId: string },
): Promise<{ version: MapVersionItem; diff: MapDiff }> {
  await requireMap(db, workspaceId, mapId);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(versionId)) throw new AppError("not_found");
  const [row] = await db
    .select({ id: mapVersions.id, label: mapVersions.label, createdAt: mapVersions.createdAt, createdByName: users.name, state: mapVersions.state })
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
  return { version, diff: diffMaps(before, after) };
}
