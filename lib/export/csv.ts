// CSV export of a map: one touchpoint per row (columns: lib/export/touchpoint-columns.ts, then one
// column per custom lane), written by the app's one CSV writer (lib/csv: every text cell escaped against formulas).
import type { MapData } from "@/lib/maps/map-document";
import { toCsv } from "@/lib/csv/to-csv";
import { TOUCHPOINT_COLUMNS, touchpointCells } from "./touchpoint-columns";

/** The CSV text (UTF-8, with a byte-order mark so Excel detects the encoding). */
export function renderMapCsv(map: MapData): string {
  const stageNames = new Map(map.stages.map((s) => [s.id, s.name]));
  const header = [...TOUCHPOINT_COLUMNS, ...map.lanes.map((l) => l.name || l.id)];
  const rows = map.touchpoints.map((tp) => {
    const cells = touchpointCells(tp, stageNames.get(tp.stageId) ?? "");
    return [
      ...TOUCHPOINT_COLUMNS.map((c) => {
        const v = cells[c];
        return typeof v === "boolean" ? (v ? "yes" : "") : v;
      }),
      ...map.lanes.map((l) => tp.laneValues[l.id] ?? ""),
    ];
  });
  return "\uFEFF" + toCsv(header, rows);
}
