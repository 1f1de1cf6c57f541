// Turns a table (one touchpoint per row) and a column mapping into a map in the export format,
// collecting every problem with its row and column. Stages are created in order of first
// appearance; an empty stage cell continues the stage of the row above (merged cells, workshop
// habits). Rows without any value are skipped.
import { MAP_EXPORT_FORMAT, MAP_LIMITS, newId, type MapExport } from "@/lib/maps/map-document";
import { COLUMN_LABELS, type TouchpointColumn } from "@/lib/export/touchpoint-columns";
import type { ImportTarget } from "./column-mapping";
import { problem, type ImportProblem } from "./import-problem";
import { parseBoolean, parseEmotion, parseEvidence, parseKpi, parseList, parseMomentOfTruthKind, parsePriority } from "./parse-cells";
import type { Table } from "./read-table";

type TouchpointIn = MapExport["touchpoints"][number];

const SHORT: TouchpointColumn[] = ["channel", "device", "department", "owner"];
const LONG: TouchpointColumn[] = ["activity", "goal", "informationNeeded", "thoughts"];

export type RowsToMapResult = {
  /** The map, or null when any row is in error. */
  map: MapExport | null;
  problems: ImportProblem[];
  touchpointCount: number;
  stageCount: number;
};

export function rowsToMap(table: Table, mapping: ImportTarget[], options: { title: string }): RowsToMapResult {
  const problems: ImportProblem[] = [];
  const title = options.title.trim().slice(0, MAP_LIMITS.titleLength);
  if (!title) problems.push(problem(0, "", "title_required"));

  const fieldColumn = new Map<TouchpointColumn, number>();
  const laneColumns: number[] = [];
  mapping.forEach((target, i) => {
    if (i >= table.headers.length || target === "ignore") return;
    if (target === "lane") return void laneColumns.push(i);
    if (fieldColumn.has(target)) problems.push(problem(1, table.headers[i], "duplicate_field", { field: COLUMN_LABELS[target].en }));
    else fieldColumn.set(target, i);
  });
  if (!fieldColumn.has("stage")) problems.push(problem(1, "", "no_stage_column"));
  const lanes = laneColumns.slice(0, MAP_LIMITS.lanes).map((i, k) => ({ id: `lane-${k + 1}`, name: (table.headers[i] || `Lane ${k + 1}`).slice(0, MAP_LIMITS.shortTextLength), col: i }));

  const stages: { id: string; name: string }[] = [];
  const stageByName = new Map<string, string>();
  const touchpoints: TouchpointIn[] = [];
  let currentStage: string | null = null;

  table.rows.forEach((cells, index) => {
    const rowNumber = index + 2; // the header is row 1, as a spreadsheet shows it
    if (cells.every((c) => !c.trim())) return;
    const get = (f: TouchpointColumn) => {
      const i = fieldColumn.get(f);
      return i === undefined ? "" : (cells[i] ?? "");
    };
    const col = (f: TouchpointColumn) => table.headers[fieldColumn.get(f) ?? -1] ?? f;
    const text = (f: TouchpointColumn, max: number) => {
      const v = get(f).trim();
      if (v.length > max) problems.push(problem(rowNumber, col(f), "too_long", { max }));
      return v;
    };
    const list = (f: TouchpointColumn) => {
      const items = parseList(get(f));
      if (items.length > MAP_LIMITS.listItems) problems.push(problem(rowNumber, col(f), "too_many_items", { max: MAP_LIMITS.listItems }));
      const max = f === "systems" ? MAP_LIMITS.shortTextLength : MAP_LIMITS.longTextLength;
      if (items.some((s) => s.length > max)) problems.push(problem(rowNumber, col(f), "too_long", { max }));
      return items;
    };

    // Stage: named here, or continued from the row above.
    const stageName = get("stage").trim();
    if (stageName) {
      if (stageName.length > MAP_LIMITS.shortTextLength) problems.push(problem(rowNumber, col("stage"), "too_long", { max: MAP_LIMITS.shortTextLength }));
      const key = stageName.toLowerCase();
      let id = stageByName.get(key);
      if (!id) {
        id = newId();
        stageByName.set(key, id);
        stages.push({ id, name: stageName.slice(0, MAP_LIMITS.shortTextLength) });
      }
      currentStage = id;
    } else if (fieldColumn.has("stage") && !currentStage) {
      problems.push(problem(rowNumber, col("stage"), "stage_required"));
    }

    const emotionRaw = get("emotion");
    const emotion = parseEmotion(emotionRaw);
    if (emotion === undefined) problems.push(problem(rowNumber, col("emotion"), "emotion_invalid", { value: emotionRaw.trim().slice(0, 40) }));
    const motRaw = get("momentOfTruth");
    const momentOfTruth = parseBoolean(motRaw);
    if (momentOfTruth === undefined) problems.push(problem(rowNumber, col("momentOfTruth"), "boolean_invalid", { value: motRaw.trim().slice(0, 40) }));

    // Issue 13 (method): wow/frustration, priority, superfluous, time to next.
    const kindRaw = get("momentOfTruthKind");
    const momentOfTruthKind = parseMomentOfTruthKind(kindRaw);
    if (momentOfTruthKind === undefined) problems.push(problem(rowNumber, col("momentOfTruthKind"), "moment_of_truth_kind_invalid", { value: kindRaw.trim().slice(0, 40) }));
    const priorityRaw = get("priority");
    const priority = parsePriority(priorityRaw);
    if (priority === undefined) problems.push(problem(rowNumber, col("priority"), "priority_invalid", { value: priorityRaw.trim().slice(0, 40) }));
    const superfluousRaw = get("superfluous");
    const superfluous = parseBoolean(superfluousRaw);
    if (superfluous === undefined) problems.push(problem(rowNumber, col("superfluous"), "boolean_invalid", { value: superfluousRaw.trim().slice(0, 40) }));

    const kpis = list("kpis").map(parseKpi).filter((k): k is NonNullable<typeof k> => !!k);
    if (kpis.some((k) => k.name.length > MAP_LIMITS.shortTextLength || k.unit.length > MAP_LIMITS.shortTextLength)) {
      problems.push(problem(rowNumber, col("kpis"), "too_long", { max: MAP_LIMITS.shortTextLength }));
    }
    const tp: TouchpointIn = {
      id: newId(),
      stageId: currentStage ?? "",
      title: text("title", MAP_LIMITS.titleLength),
      channel: "", device: "", department: "", owner: "", activity: "", goal: "", informationNeeded: "", thoughts: "",
      emotion: emotion ?? null,
      momentOfTruth: momentOfTruth ?? false,
      painPoints: list("painPoints"),
      opportunities: list("opportunities"),
      systems: [...new Set(list("systems"))],
      kpis: kpis.map((k) => ({ ...k, higherIsBetter: true })),
      evidence: list("evidence").map(parseEvidence),
      laneValues: {},
      // A kind in its column wins; without one, "moment of truth: yes" gets the kind its emotion suggests.
      ...(momentOfTruthKind ? { momentOfTruthKind, momentOfTruth: true } : {}),
      priority: priority ?? null,
      superfluous: superfluous ?? false,
      timeToNext: text("timeToNext", MAP_LIMITS.shortTextLength),
    };
    for (const f of SHORT) (tp as Record<string, unknown>)[f] = text(f, MAP_LIMITS.shortTextLength);
    for (const f of LONG) (tp as Record<string, unknown>)[f] = text(f, MAP_LIMITS.longTextLength);
    for (const lane of lanes) {
      const v = (cells[lane.col] ?? "").trim();
      if (v.length > MAP_LIMITS.longTextLength) problems.push(problem(rowNumber, lane.name, "too_long", { max: MAP_LIMITS.longTextLength }));
      if (v) tp.laneValues[lane.id] = v;
    }
    touchpoints.push(tp);
  });

  if (!touchpoints.length && !problems.some((p) => p.code === "no_stage_column")) problems.push(problem(0, "", "no_rows"));
  if (touchpoints.length > MAP_LIMITS.touchpoints) problems.push(problem(0, "", "too_many_rows", { max: MAP_LIMITS.touchpoints }));
  if (stages.length > MAP_LIMITS.stages) problems.push(problem(0, col0(table, fieldColumn), "too_many_items", { max: MAP_LIMITS.stages }));
  problems.sort((a, b) => a.row - b.row);

  const map: MapExport | null = problems.length
    ? null
    : {
        format: MAP_EXPORT_FORMAT,
        title,
        state: "current",
        outcome: "",
        cyclic: false,
        personaIds: [],
        stages,
        touchpoints,
        lanes: lanes.map(({ id, name }) => ({ id, name })),
        gapNotes: [],
      };
  return { map, problems, touchpointCount: touchpoints.length, stageCount: stages.length };
}

const col0 = (table: Table, fields: Map<TouchpointColumn, number>) => table.headers[fields.get("stage") ?? -1] ?? "stage";
