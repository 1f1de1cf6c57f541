// A problem found while reading an import: the spreadsheet row (the header is row 1) or JSON
// touchpoint number, the column as named in the file, a stable code with parameters for the UI's
// translation, and an English message for the REST API.
export type ImportProblem = { row: number; column: string; code: ProblemCode; params?: Record<string, string | number>; message: string };

export type ProblemCode =
  | "stage_required" | "emotion_invalid" | "too_long" | "too_many_items" | "boolean_invalid" | "kpi_invalid"
  | "title_required" | "too_many_rows" | "no_rows" | "no_stage_column" | "duplicate_field" | "unreadable"
  | "unsupported_type" | "invalid_json" | "file_too_large"
  // Issue 13 (method)
  | "moment_of_truth_kind_invalid" | "priority_invalid";

const EN: Record<ProblemCode, string> = {
  stage_required: "No stage: name the stage in this row (an empty cell continues the stage of the row above).",
  emotion_invalid: "\"{value}\" is not an emotion: use a whole number from -3 to +3 or a word such as \"very negative\".",
  too_long: "Too long: at most {max} characters.",
  too_many_items: "Too many items: at most {max}.",
  boolean_invalid: "\"{value}\" is not yes or no.",
  kpi_invalid: "\"{value}\" is not a KPI (name: actual / target unit).",
  title_required: "The map needs a title.",
  too_many_rows: "The file has more than {max} rows.",
  no_rows: "The file has no touchpoint rows.",
  no_stage_column: "No column is mapped to the stage.",
  duplicate_field: "Two columns are mapped to \"{field}\".",
  unreadable: "The file could not be read as {kind}.",
  unsupported_type: "Only .json, .csv and .xlsx files can be imported.",
  invalid_json: "The JSON is not a journeyboard.map/v1 map: {detail}",
  file_too_large: "The file is larger than {max} MB.",
  moment_of_truth_kind_invalid: "\"{value}\" is neither wow nor frustration.",
  priority_invalid: "\"{value}\" is not a priority: use high, medium or low.",
};

export function problem(row: number, column: string, code: ProblemCode, params?: Record<string, string | number>): ImportProblem {
  const message = EN[code].replace(/\{(\w+)\}/g, (_, k) => String(params?.[k] ?? ""));
  return { row, column, code, ...(params ? { params } : {}), message };
}

/** Raised when a file cannot become a map; `problems` lists every row in error. */
export class ImportError extends Error {
  constructor(public readonly problems: ImportProblem[], public readonly status: 413 | 422 = 422) {
    super(problems[0]?.message ?? "The file cannot be imported.");
  }
}
