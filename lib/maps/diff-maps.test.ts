import { describe, expect, it } from "vitest";
import { diffMaps } from "./diff-maps";
import { addStage, moveStage, addTouchpoint, createMapDocument, readMap, removeTouchpoint, renameStage, setEmotion, setGapHandled, setMomentOfTruth, updateKpi, updateTouchpointField, moveTouchpoint, computeGaps } from "./map-document";

function baseDoc() {
  const doc = createMapDocument({ title: "Onboarding" });
  const s1 = addStage(doc, "Awareness");
  const s2 = addStage(doc, "Purchase");
  const a = addTouchpoint(doc, s1, undefined, { title: "Ad", channel: "Social", department: "Marketing", emotion: 1 });
  const b = addTouchpoint(doc, s1, undefined, { title: "Website", channel: "Web", department: "Marketing", emotion: -1, kpis: [{ name: "Conversion", target: 5, actual: 3 }] });
  const c = addTouchpoint(doc, s2, undefined, { title: "Checkout", channel: "Web", department: "Sales", emotion: -3 });
  return { doc, s1, s2, a, b, c };
}

describe("diffMaps", () => {
  it("reports nothing for identical maps", () => {
    const { doc } = baseDoc();
    const map = readMap(doc);
    const diff = diffMaps(map, map);
    expect(diff.unchanged).toBe(true);
    expect(diff.touchpoints).toEqual({ added: [], removed: [], changed: [] });
    expect(diff.averageEmotion).toEqual({ before: -1, after: -1 });
  });

  it("lists added, removed and changed touchpoints, emotion average, KPI status, gaps and stages", () => {
    const { doc, s1, s2, a, b, c } = baseDoc();
    const before = readMap(doc);
    expect(computeGaps(before).map((g) => g.kind)).toEqual(["channel", "department"]);
    updateTouchpointField(doc, a, "title", "Instagram ad");
    setEmotion(doc, c, 2);
    setMomentOfTruth(doc, c, true);
    updateTouchpointField(doc, c, "department", "Marketing"); // closes the Website→Checkout department gap
    moveTouchpoint(doc, a, s2, 1); // Awareness → Purchase
    updateKpi(doc, b, before.touchpoints[1].kpis[0].id, { actual: 6 });
    removeTouchpoint(doc, b);
    const s3 = addStage(doc, "Loyalty");
    const d = addTouchpoint(doc, s3, undefined, { title: "Newsletter", channel: "E-mail", department: "Marketing", emotion: 0 });
    renameStage(doc, s1, "Discovery");
    const after = readMap(doc);
    const diff = diffMaps(before, after);
    expect(diff.unchanged).toBe(false);
    expect(diff.touchpoints.added).toEqual([{ id: d, title: "Newsletter", stageName: "Loyalty" }]);
    expect(diff.touchpoints.removed).toEqual([{ id: b, title: "Website", stageName: "Awareness" }]);
    expect(diff.touchpoints.changed).toEqual([
      { id: c, title: "Checkout", stageName: "Purchase", changes: { emotion: { before: -3, after: 2 }, momentOfTruth: { before: false, after: true }, department: { before: "Sales", after: "Marketing" } } },
      { id: a, title: "Instagram ad", stageName: "Purchase", changes: { title: { before: "Ad", after: "Instagram ad" }, stage: { before: "Awareness", after: "Purchase" } } },
    ]);
    expect(diff.averageEmotion).toEqual({ before: -1, after: 1 });
    // The KPI's touchpoint was removed: its status change is not reported as a KPI change.
    expect(diff.kpis).toEqual([]);
    expect(diff.stages).toEqual({ added: ["Loyalty"], removed: [], renamed: [{ before: "Awareness", after: "Discovery" }], reordered: false });
    // Before: Ad→Website (channel Social→Web), Website→Checkout (department Marketing→Sales).
    const key = (g: { kind: string; fromTitle: string; toTitle: string }) => `${g.kind}:${g.fromTitle}>${g.toTitle}`;
    expect(diff.gaps.closed.map(key).sort()).toEqual(["channel:Ad>Website", "department:Website>Checkout"].sort());
    expect(diff.gaps.opened.map(key).sort()).toEqual(["channel:Checkout>Instagram ad", "channel:Instagram ad>Newsletter"]);
  });

  it("reports KPI status changes and gaps marked handled as closed", () => {
    const { doc, b } = baseDoc();
    const before = readMap(doc);
    const kpi = before.touchpoints[1].kpis[0];
    updateKpi(doc, b, kpi.id, { actual: 7 });
    setGapHandled(doc, computeGaps(before)[0], true, "Discussed");
    const diff = diffMaps(before, readMap(doc));
    expect(diff.kpis).toEqual([{ touchpointId: b, touchpointTitle: "Website", name: "Conversion", before: false, after: true }]);
    expect(diff.gaps.closed).toEqual([{ fromTitle: "Ad", toTitle: "Website", kind: "channel", fromValue: "Social", toValue: "Web" }]);
    expect(diff.gaps.opened).toEqual([]);
    expect(diff.touchpoints.changed).toEqual([]);
  });

  it("detects reordered stages", () => {
    const { doc, s1 } = baseDoc();
    const before = readMap(doc);
    moveStage(doc, s1, 1);
    expect(diffMaps(before, readMap(doc)).stages.reordered).toBe(true);
  });
});
