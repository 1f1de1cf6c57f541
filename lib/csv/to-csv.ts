// The one CSV writer of the app (dashboard cards, map exports …): papaparse for quoting, plus
// defusing of spreadsheet formulas. A cell that starts with =, +, -, @, tab or CR is run as a
// formula by Excel/LibreOffice (`=HYPERLINK(…)` in a touchpoint title would be a live link), so such
// text cells get a leading apostrophe (OWASP "CSV injection") and are quoted. Numbers stay numbers:
// -1.5 is data, not a formula. Browser-safe: used by client components and route handlers alike.
import Papa from "papaparse";

export type CsvValue = string | number | boolean | null | undefined;

export type CsvOptions = {
  /** Field separator; "," by default (German spreadsheets expect ";"). */
  delimiter?: string;
  /** Write numbers with a decimal comma (German). */
  decimalComma?: boolean;
  /** Line break; "\r\n" by default (RFC 4180). */
  newline?: string;
};

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text as a spreadsheet will show it, never as a formula. */
export function escapeCsvFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse, for the import: `'=x` read back from our own export is `=x` again. */
export function unescapeCsvFormula(text: string): string {
  return isDefused(text) ? text.slice(1) : text;
}

function isDefused(value: unknown): boolean {
  return typeof value === "string" && value.length > 1 && value[0] === "'" && FORMULA_START.test(value.slice(1));
}

/** A CSV document: a header row and data rows; every text cell (headers included) is formula-safe. */
export function toCsv(headers: readonly string[], rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  const { delimiter = ",", decimalComma = false, newline = "\r\n" } = options;
  const cell = (value: CsvValue): string => {
    if (value === null || value === undefined) return "";
    if (typeof value === "number") {
      // Non-finite numbers (NaN, -Infinity) are text to a spreadsheet: escaped like text.
      if (!Number.isFinite(value)) return escapeCsvFormula(String(value));
      return decimalComma ? String(value).replace(".", ",") : String(value);
    }
    return escapeCsvFormula(String(value));
  };
  return Papa.unparse(
    { fields: headers.map((h) => escapeCsvFormula(String(h))), data: rows.map((row) => row.map(cell)) },
    // Defused cells are quoted as well, so no reader trims the apostrophe's protection away.
    { delimiter, newline, quotes: (value: unknown) => isDefused(value), escapeFormulae: false },
  );
}
