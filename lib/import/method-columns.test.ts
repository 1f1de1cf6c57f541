// Issue 13 (method): wow/frustration, priority, superfluous and time to next as CSV columns —
// exported, mapped by header (English, German) and imported back; bad values are named by row.
import { describe, expect, it } from "vitest";
import { renderMapCsv } from "@/lib/export/csv";
import { addStage, addTouchpoint, applyExport, createMapDocument, readMap, setMomentOfTruthKind, updateTouchpointMethod } from "@/lib/maps/map-document";
import { proposeMapping } from "./column-mapping";
import { readCsv } from "./read-table";
import { rowsToMap } from "./rows-to-map";

describe("method columns in CSV", () => {
  it("round-trips through CSV export and import", () => {
    const doc = createMapDocument({ title: "CSV" });
    const s = addStage(doc, "Buy");
    const a = addTouchpoint(doc, s, undefined, { title: "Checkout", emotion: -1 });
    const b = addTouchpoint(doc, s, undefined, { title: "Thank-you page", emotion: 3 });
    setMomentOfTruthKind(doc, a, "frustration");
    updateTouchpointMethod(doc, a, { priority: "high", timeToNext: "1 minute" });
    setMomentOfTruthKind(doc, b, "wow");
    updateTouchpointMethod(doc, b, { superfluous: true, priority: "low" });
    const csv = renderMapCsv(readMap(doc));
    const table = readCsv(new TextEncoder().encode(csv));
    const mapping = proposeMapping(table.headers, table.rows);
    expect(mapping).toEqual(expect.arrayContaining(["momentOfTruthKind", "priority", "superfluous", "timeToNext"]));
    const result = rowsToMap(table, mapping, { title: "Back" });
    expect(result.problems).toEqual([]);
    const target = createMapDocument();
    applyExport(target, result.map!);
    expect(readMap(target).touchpoints.map((t) => [t.title, t.momentOfTruthKind, t.momentOfTruth, t.priority, t.superfluous, t.timeToNext])).toEqual([
      ["Checkout", "frustration", true, "high", false, "1 minute"],
      ["Thank-you page", "wow", true, "low", true, ""],
    ]);
  });

  it("reads German headers and values, derives the kind from a plain yes, and names bad cells", () => {
    const table = {
      headers: ["Phase", "Touchpoint", "Emotion", "Moment of Truth", "Wow oder Frust", "Priorität", "Überflüssig?"],
      rows: [
        ["Kaufen", "Kasse", "-2", "ja", "", "hoch", "nein"],
        ["", "Danke-Seite", "2", "", "Wow", "niedrig", "ja"],
      ],
    };
    const mapping = proposeMapping(table.headers, table.rows);
    expect(mapping).toEqual(["stage", "title", "emotion", "momentOfTruth", "momentOfTruthKind", "priority", "superfluous"]);
    const ok = rowsToMap(table, mapping, { title: "DE" });
    const doc = createMapDocument();
    applyExport(doc, ok.map!);
    expect(readMap(doc).touchpoints.map((t) => [t.momentOfTruthKind, t.priority, t.superfluous])).toEqual([
      ["frustration", "high", false],
      ["wow", "low", true],
    ]);
    const bad = rowsToMap({ ...table, rows: [["Kaufen", "Kasse", "1", "", "meh", "urgent", "vielleicht"]] }, mapping, { title: "Bad" });
    expect(bad.map).toBeNull();
    expect(bad.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [2, "Wow oder Frust", "moment_of_truth_kind_invalid"],
      [2, "Priorität", "priority_invalid"],
      [2, "Überflüssig?", "boolean_invalid"],
    ]);
  });
});
