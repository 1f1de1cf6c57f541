import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  addStage, addTouchpoint, applyExport, createMapDocument, parseMapExport, readMap, readTouchpoint, setFutureStatus, setSourceTouchpointId, toExport,
} from "./index";

describe("map document: pair fields (sourceTouchpointId, futureStatus)", () => {
  it("reads null for both in documents written before they existed", () => {
    const doc = createMapDocument({ title: "Old" });
    const stage = addStage(doc, "Stage");
    const id = addTouchpoint(doc, stage, undefined, { title: "Old touchpoint" });
    // An old document: the keys are absent on the touchpoint map.
    const tp = doc.getMap<Y.Map<unknown>>("touchpoints").get(id)!;
    tp.delete("sourceTouchpointId");
    tp.delete("futureStatus");
    expect(readTouchpoint(doc, id)).toMatchObject({ sourceTouchpointId: null, futureStatus: null });
  });

  it("sets and clears the status and link; ignores unknown values", () => {
    const doc = createMapDocument({ state: "future" });
    const stage = addStage(doc, "Stage");
    const id = addTouchpoint(doc, stage, undefined, { title: "T", sourceTouchpointId: "cur-1", futureStatus: "planned" });
    expect(readMap(doc).touchpoints[0]).toMatchObject({ sourceTouchpointId: "cur-1", futureStatus: "planned" });
    expect(setFutureStatus(doc, id, "live")).toBe(true);
    expect(readTouchpoint(doc, id)!.futureStatus).toBe("live");
    setFutureStatus(doc, id, "bogus" as never);
    expect(readTouchpoint(doc, id)!.futureStatus).toBeNull();
    setSourceTouchpointId(doc, id, null);
    expect(readTouchpoint(doc, id)!.sourceTouchpointId).toBeNull();
    expect(setFutureStatus(doc, "missing", "idea")).toBe(false);
  });

  it("round-trips through the export format, and old exports import with defaults", () => {
    const doc = createMapDocument({ title: "Future", state: "future" });
    const stage = addStage(doc, "Stage");
    addTouchpoint(doc, stage, undefined, { title: "A", sourceTouchpointId: "cur-a", futureStatus: "in_progress" });
    addTouchpoint(doc, stage, undefined, { title: "B" });
    const json = JSON.parse(JSON.stringify(toExport(doc, "m1")));
    expect(json.touchpoints.map((t: { sourceTouchpointId: unknown; futureStatus: unknown }) => [t.sourceTouchpointId, t.futureStatus])).toEqual([
      ["cur-a", "in_progress"],
      [null, null],
    ]);
    const copy = createMapDocument();
    applyExport(copy, parseMapExport(json));
    expect(readMap(copy).touchpoints.map((t) => [t.sourceTouchpointId, t.futureStatus])).toEqual([
      ["cur-a", "in_progress"],
      [null, null],
    ]);
    // An export without the fields (older version) still imports.
    const old = { format: "journeyboard.map/v1", title: "Old", stages: [{ id: "s", name: "S" }], touchpoints: [{ id: "t", stageId: "s", title: "T" }] };
    expect(parseMapExport(old).touchpoints[0]).toMatchObject({ sourceTouchpointId: null, futureStatus: null });
    expect(() => parseMapExport({ ...old, touchpoints: [{ id: "t", stageId: "s", futureStatus: "done" }] })).toThrow();
  });

  it("concurrent status edits by two docs converge", () => {
    const a = createMapDocument({ state: "future" });
    const stage = addStage(a, "S");
    const id = addTouchpoint(a, stage, undefined, { title: "T", futureStatus: "idea" });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    setFutureStatus(a, id, "planned");
    setFutureStatus(b, id, "live");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readTouchpoint(a, id)!.futureStatus).toBe(readTouchpoint(b, id)!.futureStatus);
  });
});
