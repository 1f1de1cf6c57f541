// Current ⇄ future (issue 13): the future touchpoint's status travels through CSV as its own column
// and is read back (value or English/German label); anything else is a row problem.
import { describe, expect, it } from "vitest";
import { renderMapCsv } from "@/lib/export/csv";
import { addStage, addTouchpoint, createMapDocument, readMap } from "@/lib/maps/map-document";
import { proposeMapping } from "./column-mapping";
import { parseFutureStatus } from "./parse-cells";
import { readCsv } from "./read-table";
import { rowsToMap } from "./rows-to-map";

describe("futureStatus column", () => {
  it("parses values and labels in both languages", () => {
    expect(["idea", "Planned", "in_progress", "In progress", "In Arbeit", "geplant", "Idee", "LIVE", ""].map(parseFutureStatus)).toEqual([
      "idea", "planned", "in_progress", "in_progress", "in_progress", "planned", "idea", "live", null,
    ]);
    expect(parseFutureStatus("done")).toBeUndefined();
  });

  it("round-trips through CSV", () => {
    const doc = createMapDocument({ title: "Future", state: "future" });
    const stage = addStage(doc, "Stage");
    addTouchpoint(doc, stage, undefined, { title: "A", futureStatus: "live" });
    addTouchpoint(doc, stage, undefined, { title: "B", futureStatus: "in_progress" });
    addTouchpoint(doc, stage, undefined, { title: "C" });
    const table = readCsv(new TextEncoder().encode(renderMapCsv(readMap(doc))));
    expect(table.headers).toContain("futureStatus");
    const result = rowsToMap(table, proposeMapping(table.headers), { title: "Imported" });
    expect(result.problems).toEqual([]);
    expect(result.map!.touchpoints.map((t) => t.futureStatus)).toEqual(["live", "in_progress", null]);
  });

  it("an unknown status is a problem of that row", () => {
    const table = { headers: ["stage", "title", "Status"], rows: [["S", "A", "someday"]] };
    const result = rowsToMap(table, proposeMapping(table.headers), { title: "Imported" });
    expect(result.problems).toMatchObject([{ row: 2, column: "Status", code: "future_status_invalid" }]);
  });
});
