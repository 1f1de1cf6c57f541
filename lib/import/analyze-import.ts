// Reads an uploaded file and checks it as a new map, without creating anything: the column
// mapping (proposed, or the user's), a preview of the first rows, every problem, and the map in
// the export format when there is none. Used by the import wizard (preview) and by importMap.
import { z } from "zod";
import { MAP_LIMITS, parseMapExport, type MapExport } from "@/lib/maps/map-document";
import { proposeMapping, type ImportTarget } from "./column-mapping";
import { ImportError, problem, type ImportProblem } from "./import-problem";
import { detectKind, decodeText, readCsv, readXlsx, type FileKind, type Table } from "./read-table";
import { rowsToMap } from "./rows-to-map";

/** Upload cap: a 5,000-row workshop sheet with long texts stays far below it. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Row cap: the most touchpoints a map may hold. */
export const MAX_IMPORT_ROWS = MAP_LIMITS.touchpoints;
export const PREVIEW_ROWS = 50;

export type ImportAnalysis = {
  kind: FileKind;
  headers: string[];
  mapping: ImportTarget[];
  /** Sample values per column (first non-empty), for the mapping table. */
  samples: string[];
  preview: string[][];
  rowCount: number;
  touchpointCount: number;
  stageCount: number;
  problems: ImportProblem[];
  title: string;
  map: MapExport | null;
};

export type AnalyzeImportOptions = { fileName: string; bytes: Uint8Array; mapping?: ImportTarget[]; title?: string };

const titleFromFileName = (name: string) => name.replace(/\.[^.]+$/, "").replace(/[_]+/g, " ").trim().slice(0, MAP_LIMITS.titleLength);

export async function analyzeImport(options: AnalyzeImportOptions): Promise<ImportAnalysis> {
  const { bytes, fileName } = options;
  if (bytes.byteLength > MAX_IMPORT_BYTES) throw new ImportError([problem(0, "", "file_too_large", { max: MAX_IMPORT_BYTES / 1024 / 1024 })], 413);
  const kind = detectKind(fileName, bytes);
  if (!kind) throw new ImportError([problem(0, "", "unsupported_type")]);
  if (kind === "json") return analyzeJson(bytes, options);

  const table: Table = kind === "csv" ? readCsv(bytes) : await readXlsx(bytes);
  if (table.rows.length > MAX_IMPORT_ROWS) throw new ImportError([problem(0, "", "too_many_rows", { max: MAX_IMPORT_ROWS })]);
  const mapping = options.mapping ? table.headers.map((_, i) => options.mapping![i] ?? "ignore") : proposeMapping(table.headers, table.rows);
  const title = options.title?.trim() || titleFromFileName(fileName) || "Imported map";
  const result = rowsToMap(table, mapping, { title });
  return {
    kind,
    headers: table.headers,
    mapping,
    samples: table.headers.map((_, i) => (table.rows.find((r) => (r[i] ?? "").trim())?.[i] ?? "").slice(0, 80)),
    preview: table.rows.slice(0, PREVIEW_ROWS),
    rowCount: table.rows.length,
    touchpointCount: result.touchpointCount,
    stageCount: result.stageCount,
    problems: result.problems,
    title,
    map: result.map,
  };
}

function analyzeJson(bytes: Uint8Array, options: AnalyzeImportOptions): ImportAnalysis {
  let json: unknown;
  try {
    json = JSON.parse(decodeText(bytes));
  } catch {
    throw new ImportError([problem(0, "", "unreadable", { kind: "JSON" })]);
  }
  let map: MapExport | null = null;
  let problems: ImportProblem[] = [];
  try {
    map = parseMapExport(options.title?.trim() && json && typeof json === "object" ? { ...json, title: options.title.trim() } : json);
  } catch (err) {
    if (!(err instanceof z.ZodError)) throw err;
    // Touchpoint issues name the touchpoint (1-based) and field, like rows of a table.
    problems = err.issues.slice(0, 500).map((issue) => {
      const [head, index, field] = issue.path;
      const isTouchpoint = head === "touchpoints" && typeof index === "number";
      return problem(isTouchpoint ? index + 1 : 0, isTouchpoint ? String(field ?? "") : issue.path.join("."), "invalid_json", { detail: `${issue.path.join(".") || "document"}: ${issue.message}` });
    });
  }
  return {
    kind: "json",
    headers: [],
    mapping: [],
    samples: [],
    preview: [],
    rowCount: map?.touchpoints.length ?? 0,
    touchpointCount: map?.touchpoints.length ?? 0,
    stageCount: map?.stages.length ?? 0,
    problems,
    title: map?.title ?? "",
    map,
  };
}
