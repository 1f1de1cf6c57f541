// CSV export of exactly what a dashboard card shows: the same rows and columns as its table. German
// spreadsheets expect ";" between fields and a decimal comma; a BOM makes Excel read UTF-8.
// Writing (quoting, formula escaping) is the shared lib/csv/to-csv.ts.
import { toCsv as writeCsv, type CsvValue } from "@/lib/csv/to-csv";

export type { CsvValue };

export function toCsv(headers: string[], rows: CsvValue[][], locale: string): string {
  const german = locale.startsWith("de");
  return writeCsv(headers, rows, { delimiter: german ? ";" : ",", decimalComma: german });
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
