// Imports a file as a new map (REST import and the import wizard): analyses it, and only when no
// row is in error creates the map through the normal creation path (lib/maps/create-map.ts: row,
// document, projection), so lists, search and dashboards show it at once. Nothing is created
// otherwise: ImportError carries every problem.
import type { Database } from "@/db/client";
import { listPersonas } from "@/db/queries/personas";
import type { MapSummary } from "@/db/queries/maps";
import { createMap } from "@/lib/maps/create-map";
import { applyExport, createMapDocument } from "@/lib/maps/map-document";
import { keepWorkspaceReferences } from "@/lib/maps/keep-workspace-references";
import { analyzeImport, type AnalyzeImportOptions } from "./analyze-import";
import { ImportError } from "./import-problem";

export type ImportMapOptions = AnalyzeImportOptions & { workspaceId: string; userId: string };

export async function importMap(db: Database, options: ImportMapOptions): Promise<{ map: MapSummary; touchpointCount: number }> {
  const analysis = await analyzeImport(options);
  if (analysis.problems.length || !analysis.map) throw new ImportError(analysis.problems);
  // Department and owner ids of another workspace are dropped (issue 13).
  const data = await keepWorkspaceReferences(db, options.workspaceId, analysis.map);
  // Personas are per workspace: keep only links to personas of the target workspace.
  if (data.personaIds.length) {
    const known = new Set((await listPersonas(db, options.workspaceId, { includeArchived: true })).map((p) => p.id));
    data.personaIds = data.personaIds.filter((id) => known.has(id));
  }
  const doc = createMapDocument();
  applyExport(doc, data);
  const map = await createMap(db, { workspaceId: options.workspaceId, userId: options.userId, title: data.title, doc });
  doc.destroy();
  return { map, touchpointCount: data.touchpoints.length };
}
