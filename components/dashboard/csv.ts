// CSV export of exactly what a dashboard card shows: the same rows and columns as its table. German
// spreadsheets expect ";" between fields and a decimal comma; a BOM makes Excel read UTF-8.
import Papa from "papaparse";

export type CsvValue = string | number | boolean | null | undefined;

export function toCsv(headers: string[], rows: CsvValue[][], locale: string): string {
  const german = locale.startsWith("de");
  const cell = (value: CsvValue) => {
    if (value === null || value === undefined) return "";
    if (typeof value === "number") return german ? String(value).replace(".", ",") : String(value);
    return String(value);
  };
  return Papa.unparse({ fields: headers, data: rows.map((row) => row.map(cell)) }, { delimiter: german ? ";" : ",", newline: "\r\n" });
}

/** Offers `csv` as a file download in the browser. */
export function downloadCsv(filename: string, csv: string): void {
  const blob = new Blob(["\uFEFF", csv], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
