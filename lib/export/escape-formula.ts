// Spreadsheet formula injection guard for CSV and XLSX cells: a text cell that starts with `=`,
// `+`, `-`, `@`, a tab or a carriage return is prefixed with `'`, so Excel, LibreOffice and Google
// Sheets show it as text instead of evaluating it (OWASP "CSV injection"). Numbers stay numbers.
// Multi-line texts are covered too: papaparse's default pattern (`/^[=+\-@\t\r].*$/`) misses a
// formula followed by a line break, so both formats use this one pattern.
export const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The inverse for the import: `'=x` read back from our own export is `=x` again. */
export function unescapeFormula(value: string): string {
  return value.length > 1 && value[0] === "'" && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
