import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addStage, addTouchpoint, moveTouchpoint, readMap } from "@/lib/maps/map-document";
import { emotionFromKey, lowestPoints, scoreAtY, yOfScore } from "@/components/emotion/emotion";
import { buildColumns, dropTarget, keyboardMoveTarget, layoutLanes, stageSpans, totalLaneHeight, zoomToFit } from "./layout";

function sampleDoc() {
  const doc = new Y.Doc();
  const a = addStage(doc, "Discover");
  const b = addStage(doc, "Buy");
  const c = addStage(doc, "Use");
  const t1 = addTouchpoint(doc, a, undefined, { title: "Ad" });
  const t2 = addTouchpoint(doc, a, undefined, { title: "Blog" });
  const t3 = addTouchpoint(doc, b, undefined, { title: "Checkout" });
  return { doc, stages: { a, b, c }, tps: { t1, t2, t3 } };
}

describe("layout", () => {
  it("builds columns per stage with a placeholder for an empty stage, and the stage spans", () => {
    const { doc, stages } = sampleDoc();
    const map = readMap(doc);
    const columns = buildColumns(map);
    expect(columns.map((c) => (c.kind === "touchpoint" ? c.touchpoint.title : `empty:${c.stageId === stages.c}`))).toEqual(["Ad", "Blog", "Checkout", "empty:true"]);
    expect(stageSpans(map, columns).map((s) => [s.name, s.first, s.last, s.count])).toEqual([
      ["Discover", 0, 1, 2], ["Buy", 2, 2, 1], ["Use", 3, 3, 0],
    ]);
  });

  it("stacks lanes and shrinks collapsed ones", () => {
    const open = layoutLanes([{ id: "x", name: "Legal" }], new Set());
    const collapsed = layoutLanes([{ id: "x", name: "Legal" }], new Set(["activity", "lane:x"]));
    expect(open.at(-1)!.key).toBe("lane:x");
    expect(totalLaneHeight(collapsed)).toBeLessThan(totalLaneHeight(open));
    expect(collapsed.find((l) => l.key === "activity")!.collapsed).toBe(true);
    for (let i = 1; i < open.length; i++) expect(open[i].top).toBe(open[i - 1].top + open[i - 1].height);
  });

  it("fits columns into the viewport within the zoom bounds", () => {
    expect(zoomToFit(176 + 16 + 232 * 4, 4)).toBe(1);
    expect(zoomToFit(1200, 1000)).toBe(0.3);
  });

  it("keyboard moves go within a stage, then across the stage border, and whole stages", () => {
    const { doc, stages, tps } = sampleDoc();
    const map = readMap(doc);
    expect(keyboardMoveTarget(map, tps.t1, 1, false)).toEqual({ stageId: stages.a, index: 1 });
    expect(keyboardMoveTarget(map, tps.t2, 1, false)).toEqual({ stageId: stages.b, index: 0 });
    expect(keyboardMoveTarget(map, tps.t1, -1, false)).toBeNull();
    expect(keyboardMoveTarget(map, tps.t3, 1, true)).toEqual({ stageId: stages.c, index: 0 });
    const target = keyboardMoveTarget(map, tps.t2, 1, true)!;
    moveTouchpoint(doc, tps.t2, target.stageId, target.index);
    expect(target).toEqual({ stageId: stages.b, index: 1 });
    expect(readMap(doc).stages[1].touchpointIds).toEqual([tps.t3, tps.t2]);
  });

  it("drops forward after, backward before, and into empty stages", () => {
    const { doc, stages, tps } = sampleDoc();
    const t4 = addTouchpoint(doc, stages.a, undefined, { title: "Review" });
    let map = readMap(doc);
    let columns = buildColumns(map);
    // Ad onto Review (same stage, forward): Ad ends last in the stage
    let target = dropTarget(columns, tps.t1, t4)!;
    moveTouchpoint(doc, tps.t1, target.stageId, target.index);
    map = readMap(doc);
    expect(map.stages[0].touchpointIds).toEqual([tps.t2, t4, tps.t1]);
    // Checkout onto Blog (other stage, backward): before Blog
    columns = buildColumns(map);
    target = dropTarget(columns, tps.t3, tps.t2)!;
    moveTouchpoint(doc, tps.t3, target.stageId, target.index);
    map = readMap(doc);
    expect(map.stages[0].touchpointIds).toEqual([tps.t3, tps.t2, t4, tps.t1]);
    // onto an empty stage placeholder
    columns = buildColumns(map);
    target = dropTarget(columns, t4, `empty:${stages.b}`)!;
    expect(target).toEqual({ stageId: stages.b, index: 0 });
    expect(dropTarget(columns, tps.t1, tps.t1)).toBeNull();
  });
});

describe("emotion", () => {
  it("maps pixels to scores and back", () => {
    expect(scoreAtY(10, 10, 130)).toBe(3);
    expect(scoreAtY(130, 10, 130)).toBe(-3);
    expect(scoreAtY(70, 10, 130)).toBe(0);
    expect(scoreAtY(500, 10, 130)).toBe(-3);
    for (const s of [-3, -1, 0, 2, 3]) expect(scoreAtY(yOfScore(s, 10, 130), 10, 130)).toBe(s);
  });

  it("finds the lowest negative points", () => {
    expect(lowestPoints([1, -2, null, -2, 0])).toEqual([1, 3]);
    expect(lowestPoints([1, 2, null])).toEqual([]);
    expect(lowestPoints([])).toEqual([]);
  });

  it("reads arrows, digits with a pending minus, and delete", () => {
    expect(emotionFromKey("ArrowUp", null, false).score).toBe(0);
    expect(emotionFromKey("ArrowUp", 3, false).score).toBe(3);
    expect(emotionFromKey("ArrowDown", -2, false).score).toBe(-3);
    const minus = emotionFromKey("-", 1, false);
    expect(minus).toEqual({ score: undefined, negativePending: true });
    expect(emotionFromKey("2", 1, minus.negativePending).score).toBe(-2);
    expect(emotionFromKey("2", 1, false).score).toBe(2);
    expect(emotionFromKey("Delete", 1, false).score).toBeNull();
    expect(emotionFromKey("x", 1, false).score).toBeUndefined();
  });
});
