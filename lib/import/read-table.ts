// Reads an uploaded CSV or XLSX file into a header row and data rows of plain strings. CSV: UTF-8
// (with or without BOM), else Windows-1252 as German Excel writes it; the delimiter (comma,
// semicolon, tab) is detected by papaparse. XLSX: the sheet "Touchpoints" (our export) or the
// first sheet, cells as displayed. The formula guard of our export (`'=…`) is undone.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { unescapeCsvFormula } from "@/lib/csv/to-csv";
import { XLSX_SHEETS } from "@/lib/export/xlsx";
import { ImportError, problem } from "./import-problem";

export type Table = { headers: string[]; rows: string[][] };
export type FileKind = "csv" | "xlsx" | "json";

/** The kind of an uploaded file by name, falling back to its first bytes. */
export function detectKind(fileName: string, bytes: Uint8Array): FileKind | null {
  const ext = fileName.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === "csv" || ext === "txt" || ext === "tsv") return "csv";
  if (ext === "xlsx") return "xlsx";
  if (ext === "json") return "json";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return "xlsx"; // "PK": a zip container
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, "").trimStart();
  if (head.startsWith("{")) return "json";
  return null;
}

export function decodeText(bytes: Uint8Array): string {
  const utf8 = new TextDecoder("utf-8").decode(bytes);
  const text = utf8.includes("\uFFFD") ? new TextDecoder("windows-1252").decode(bytes) : utf8;
  return text.replace(/^\uFEFF/, "");
}

const clean = (v: string) => unescapeCsvFormula(v.replace(/\r\n?/g, "\n"));

export function readCsv(bytes: Uint8Array): Table {
  const parsed = Papa.parse<string[]>(decodeText(bytes), { skipEmptyLines: "greedy" });
  if (!parsed.data.length && parsed.errors.length) throw new ImportError([problem(0, "", "unreadable", { kind: "CSV" })]);
  const [headers = [], ...rows] = parsed.data;
  return { headers: headers.map((h) => clean(String(h ?? "")).trim()), rows: rows.map((r) => r.map((c) => clean(String(c ?? "")))) };
}

export async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new ImportError([problem(0, "", "unreadable", { kind: "XLSX" })]);
  }
  const sheet = wb.getWorksheet(XLSX_SHEETS.touchpoints) ?? wb.worksheets[0];
  if (!sheet) throw new ImportError([problem(0, "", "no_rows")]);
  const grid: string[][] = [];
  let width = 0;
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= "";
    grid[rowNumber - 1] = cells;
    width = Math.max(width, cells.length);
  });
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  const pad = (r: string[]) => Array.from({ length: width }, (_, i) => r[i] ?? "");
  const [headers = [], ...rows] = grid.map(pad);
  // Trailing empty rows are common in spreadsheets: they are not touchpoints.
  while (rows.length && rows[rows.length - 1].every((c) => !c.trim())) rows.pop();
  return { headers: headers.map((h) => h.trim()), rows };
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return clean(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return clean(v.richText.map((r) => r.text).join(""));
    if ("result" in v) return v.result === undefined || v.result === null ? "" : typeof v.result === "object" ? "" : clean(String(v.result));
    if ("text" in v) return clean(String(v.text));
  }
  return clean(cell.text ?? "");
}
