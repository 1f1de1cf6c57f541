import { describe, expect, it } from "vitest";
import { updateKpi, addStage, addTouchpoint, applyExport, createMapDocument, readMap, removeTouchpoint, setEmotion, setFutureStatus, updateTouchpointField, type MapData } from "../map-document";
import { comparePair, pairProgress } from "./compare-pair";
import { futureStateFrom } from "./design-future-state";

function currentMap(): MapData {
  const doc = createMapDocument({ title: "Onboarding (current)" });
  const s1 = addStage(doc, "Sign up", undefined, "s1");
  const s2 = addStage(doc, "First use", undefined, "s2");
  addTouchpoint(doc, s1, undefined, { title: "Form", emotion: -2, owner: "Ada", kpis: [{ name: "Completion", target: 50, unit: "%" }] }, "c1");
  addTouchpoint(doc, s1, undefined, { title: "Confirm mail", emotion: -1 }, "c2");
  addTouchpoint(doc, s2, undefined, { title: "Tour", emotion: 1 }, "c3");
  return readMap(doc);
}

function futureDoc(current: MapData) {
  let n = 0;
  const doc = createMapDocument();
  applyExport(doc, futureStateFrom(current, "Onboarding (future)", () => `f${++n}`));
  return doc;
}

describe("futureStateFrom", () => {
  it("copies stages (same ids) and touchpoints with links to their source and status idea", () => {
    const current = currentMap();
    const future = readMap(futureDoc(current));
    expect(future.state).toBe("future");
    expect(future.title).toBe("Onboarding (future)");
    expect(future.stages.map((s) => s.id)).toEqual(["s1", "s2"]);
    expect(future.touchpoints.map((t) => [t.id, t.sourceTouchpointId, t.futureStatus])).toEqual([
      ["f1", "c1", "idea"],
      ["f2", "c2", "idea"],
      ["f3", "c3", "idea"],
    ]);
  });
});

describe("comparePair", () => {
  it("an untouched copy is all unchanged, with no gaps", () => {
    const current = currentMap();
    const result = comparePair(current, readMap(futureDoc(current)));
    expect(result.counts).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 3 });
    expect(result.averages.gap).toBe(0);
    expect(result.stages.map((s) => s.gap)).toEqual([0, 0]);
    expect(result.progress).toMatchObject({ total: 3, idea: 3, live: 0, liveShare: 0 });
  });

  it("finds added, removed and changed touchpoints (emotion, owner, KPI target) and stage gaps", () => {
    const current = currentMap();
    const doc = futureDoc(current);
    setEmotion(doc, "f1", 2);
    updateTouchpointField(doc, "f1", "owner", "Ben");
    const future0 = readMap(doc);
    updateKpi(doc, "f1", future0.touchpoints[0].kpis[0].id, { target: 80 });
    removeTouchpoint(doc, "f2");
    addTouchpoint(doc, "s2", undefined, { title: "Chat help", emotion: 3, futureStatus: "live" }, "new1");
    setFutureStatus(doc, "f3", "planned");
    expect(future0.touchpoints).toHaveLength(3);
    const result = comparePair(current, readMap(doc));

    expect(result.counts).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 1 });
    const changed = result.touchpoints.find((t) => t.kind === "changed")!;
    expect(changed).toMatchObject({ currentId: "c1", futureId: "f1", emotion: { before: -2, after: 2 }, owner: { before: "Ada", after: "Ben" } });
    expect(changed.kpiTargets).toEqual([{ name: "Completion", before: 50, after: 80, unit: "%" }]);
    expect(result.touchpoints.find((t) => t.kind === "removed")).toMatchObject({ currentId: "c2", futureId: null, title: "Confirm mail" });
    expect(result.touchpoints.find((t) => t.kind === "added")).toMatchObject({ currentId: null, futureId: "new1", futureStatus: "live" });
    // Stage 1: current (-2 + -1)/2 = -1.5, future 2 → gap 3.5. Stage 2: current 1, future (1 + 3)/2 = 2 → gap 1.
    expect(result.stages.map((s) => [s.name, s.currentAverage, s.futureAverage, s.gap])).toEqual([
      ["Sign up", -1.5, 2, 3.5],
      ["First use", 1, 2, 1],
    ]);
    expect(result.stages[0].centralQuestion).toBeNull();
    // Curves: stage by stage, removed ones after the future touchpoints of their stage.
    expect(result.curve.map((p) => [p.label, p.current, p.future])).toEqual([
      ["Form", -2, 2],
      ["Confirm mail", -1, null],
      ["Tour", 1, 1],
      ["Chat help", null, 3],
    ]);
    expect(result.progress).toMatchObject({ total: 3, idea: 1, planned: 1, live: 1, liveShare: 1 / 3 });
  });

  it("reads a stage's central question when the document has one", () => {
    const current = currentMap();
    const future = readMap(futureDoc(current));
    const withQuestion = { ...future, stages: future.stages.map((s, i) => (i === 0 ? { ...s, centralQuestion: "Does the vendor keep its promise?" } : s)) };
    expect(comparePair(current, withQuestion).stages[0].centralQuestion).toBe("Does the vendor keep its promise?");
  });

  it("a link to a touchpoint the current map no longer has counts as added", () => {
    const current = currentMap();
    const future = readMap(futureDoc(current));
    const trimmed = { ...current, touchpoints: current.touchpoints.filter((t) => t.id !== "c3") };
    const result = comparePair(trimmed, future);
    expect(result.touchpoints.find((t) => t.futureId === "f3")!.kind).toBe("added");
  });

  it("progress counts touchpoints without a status as unset", () => {
    expect(pairProgress({ touchpoints: [] }).liveShare).toBeNull();
  });
});
