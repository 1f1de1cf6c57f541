// After the vocabulary changed, every map's stored gaps are computed again with the new
// normaliser (the documents did not change, so their change hook would never run). Only map_gaps is
// rewritten: nothing else in the projection depends on the vocabulary.
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { journeyMaps, mapGaps } from "@/db/schema";
import { computeGaps, readMap, resolveReferences } from "@/lib/maps/map-document";
import { listOwnerDirectory } from "@/lib/maps/load-projection-directory";
import { readMapDocument } from "@/lib/maps/map-documents";
import { listVocabulary } from "./list-vocabulary";
import { createVocabularyNormaliser } from "./normalise";

export async function refreshWorkspaceGaps(db: Database, workspaceId: string): Promise<number> {
  const normalise = createVocabularyNormaliser(await listVocabulary(db, workspaceId));
  const directory = await listOwnerDirectory(db, workspaceId);
  const maps = await db
    .select({ id: journeyMaps.id })
    .from(journeyMaps)
    .where(and(eq(journeyMaps.workspaceId, workspaceId), isNull(journeyMaps.deletedAt)));
  for (const { id } of maps) {
    const doc = await readMapDocument(db, workspaceId, id);
    const gaps = computeGaps(resolveReferences(readMap(doc), directory), normalise);
    doc.destroy();
    await db.transaction(async (tx) => {
      await tx.delete(mapGaps).where(and(eq(mapGaps.mapId, id), eq(mapGaps.workspaceId, workspaceId)));
      if (gaps.length) await tx.insert(mapGaps).values(gaps.map((g) => ({ ...g, mapId: id, workspaceId })));
    });
  }
  return maps.length;
}
