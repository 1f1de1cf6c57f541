import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { z } from "zod";
import {
  addEvidence,
  addKpi,
  addLane,
  addOpportunity,
  addPainPoint,
  addStage,
  addSystem,
  addTouchpoint,
  applyExport,
  computeGaps,
  createMapDocument,
  getLaneText,
  getTouchpointText,
  kpiOnTarget,
  MAP_LIMITS,
  moveStage,
  moveTouchpoint,
  parseMapExport,
  readMap,
  removeEvidence,
  removeKpi,
  removeLane,
  removeOpportunity,
  removePainPoint,
  removeStage,
  removeSystem,
  removeTouchpoint,
  renameStage,
  setCyclic,
  setEmotion,
  setGapHandled,
  setLaneValue,
  setMomentOfTruth,
  setOutcome,
  setPersonaIds,
  setState,
  setText,
  setTitle,
  summarizeEmotions,
  toExport,
  updateEvidence,
  updateKpi,
  updateOpportunity,
  updatePainPoint,
  updateSystem,
  updateTouchpointField,
  ZMapExport,
} from ".";

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** A second replica of `doc` (what another browser holds after syncing). */
function replica(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function titles(doc: Y.Doc): Record<string, string[]> {
  const map = readMap(doc);
  const byId = new Map(map.touchpoints.map((t) => [t.id, t.title]));
  return Object.fromEntries(map.stages.map((s) => [s.name, s.touchpointIds.map((id) => byId.get(id)!)]));
}

/** A map using every field of the schema. */
function fullMap() {
  const doc = createMapDocument({ title: "SaaS onboarding", outcome: "Productive within a week", state: "future", cyclic: true, personaIds: ["p-1", "p-2"] });
  const laneId = addLane(doc, "Legal notes", "lane-1");
  const s1 = addStage(doc, "Awareness", undefined, "s-1");
  const s2 = addStage(doc, "Trial", undefined, "s-2");
  const t1 = addTouchpoint(doc, s1, undefined, {
    title: "Ad on a website",
    channel: "Website",
    device: "Desktop",
    department: "Marketing",
    owner: "Ada",
    activity: "Sees the banner",
    goal: "Find a tool",
    informationNeeded: "Price",
    thoughts: "Looks neat",
    emotion: 1,
    momentOfTruth: false,
    painPoints: ["Too vague"],
    systems: ["Google Ads", "HubSpot"],
    opportunities: [{ text: "Clearer claim", owner: "Ada", department: "Marketing", status: "in_progress" }],
    kpis: [{ name: "CTR", target: 2, actual: 1.4, unit: "%", higherIsBetter: true }],
    evidence: [{ kind: "quantitative", text: "1.4% CTR in Q2", source: "Google Ads" }],
    laneValues: { [laneId]: "Cookie banner needed" },
  }, "t-1");
  const t2 = addTouchpoint(doc, s2, undefined, {
    title: "Free trial sign-up",
    channel: "Website",
    device: "Phone",
    department: "Product",
    emotion: -2,
    momentOfTruth: true,
    kpis: [{ name: "Time to first value", target: 10, actual: 14, unit: "min", higherIsBetter: false }, { name: "Sign-ups", target: null, actual: 120, unit: "" }],
    evidence: [{ kind: "qualitative", text: "“The form asked for too much”", source: "Interview #4" }],
  }, "t-2");
  setGapHandled(doc, { fromTouchpointId: t1, toTouchpointId: t2, kind: "device" }, true, "Responsive landing page");
  return { doc, s1, s2, t1, t2, laneId };
}

describe("map document: read and edit", () => {
  it("reads every field written by the edit functions", () => {
    const { doc, t1, t2, laneId } = fullMap();
    const map = readMap(doc);
    expect(map).toMatchObject({ title: "SaaS onboarding", outcome: "Productive within a week", state: "future", cyclic: true, personaIds: ["p-1", "p-2"] });
    expect(map.stages).toMatchObject([
      { id: "s-1", name: "Awareness", touchpointIds: [t1] },
      { id: "s-2", name: "Trial", touchpointIds: [t2] },
    ]);
    expect(map.lanes).toEqual([{ id: laneId, name: "Legal notes" }]);
    const tp = map.touchpoints[0];
    expect(tp).toMatchObject({
      id: t1, stageId: "s-1", title: "Ad on a website", channel: "Website", device: "Desktop", department: "Marketing", owner: "Ada",
      activity: "Sees the banner", goal: "Find a tool", informationNeeded: "Price", thoughts: "Looks neat", emotion: 1, momentOfTruth: false,
      systems: ["Google Ads", "HubSpot"], laneValues: { [laneId]: "Cookie banner needed" },
    });
    expect(tp.painPoints.map((p) => p.text)).toEqual(["Too vague"]);
    expect(tp.opportunities[0]).toMatchObject({ text: "Clearer claim", owner: "Ada", department: "Marketing", status: "in_progress" });
    expect(tp.kpis[0]).toMatchObject({ name: "CTR", target: 2, actual: 1.4, unit: "%", higherIsBetter: true });
    expect(tp.evidence[0]).toMatchObject({ kind: "quantitative", text: "1.4% CTR in Q2", source: "Google Ads" });
    expect(map.gapNotes).toEqual([{ kind: "device", fromTouchpointId: t1, toTouchpointId: t2, handled: true, note: "Responsive landing page" }]);
  });

  it("applies list item edits by id", () => {
    const { doc, t1 } = fullMap();
    const pain = addPainPoint(doc, t1, "Slow page")!;
    updatePainPoint(doc, t1, pain, "Very slow page");
    const first = readMap(doc).touchpoints[0].painPoints[0].id;
    removePainPoint(doc, t1, first);
    const kpi = addKpi(doc, t1, { name: "Bounce rate", target: 40, actual: 55, unit: "%", higherIsBetter: false })!;
    updateKpi(doc, t1, kpi, { actual: 35 });
    const ctr = readMap(doc).touchpoints[0].kpis[0].id;
    removeKpi(doc, t1, ctr);
    const ev = addEvidence(doc, t1, { kind: "qualitative", text: "Tweet", source: "Social listening" })!;
    updateEvidence(doc, t1, ev, { text: "Angry tweet", kind: "qualitative" });
    removeEvidence(doc, t1, readMap(doc).touchpoints[0].evidence[0].id);
    const opp = addOpportunity(doc, t1, { text: "A/B test" })!;
    updateOpportunity(doc, t1, opp, { status: "done", owner: "Cem" });
    removeOpportunity(doc, t1, readMap(doc).touchpoints[0].opportunities[0].id);
    addSystem(doc, t1, "Matomo");
    addSystem(doc, t1, "Matomo");
    updateSystem(doc, t1, "Google Ads", "LinkedIn Ads");
    removeSystem(doc, t1, "HubSpot");

    const tp = readMap(doc).touchpoints[0];
    expect(tp.painPoints.map((p) => p.text)).toEqual(["Very slow page"]);
    expect(tp.kpis).toEqual([{ id: kpi, name: "Bounce rate", target: 40, actual: 35, unit: "%", higherIsBetter: false }]);
    expect(kpiOnTarget(tp.kpis[0])).toBe(true);
    expect(tp.evidence).toEqual([{ id: ev, kind: "qualitative", text: "Angry tweet", source: "Social listening", date: null, link: "" }]);
    expect(tp.opportunities).toEqual([{ id: opp, text: "A/B test", owner: "Cem", department: "", status: "done", impact: null, effort: null, dueDate: null }]);
    expect(tp.systems).toEqual(["LinkedIn Ads", "Matomo"]);
  });

  it("sets map metadata, emotion and moment of truth; clamps emotion", () => {
    const { doc, t1 } = fullMap();
    setTitle(doc, "Onboarding v2");
    setOutcome(doc, "Live in 3 days");
    setState(doc, "current");
    setCyclic(doc, false);
    setPersonaIds(doc, ["p-2", "p-3"]);
    setEmotion(doc, t1, 7);
    setMomentOfTruth(doc, t1, true);
    const map = readMap(doc);
    expect(map).toMatchObject({ title: "Onboarding v2", outcome: "Live in 3 days", state: "current", cyclic: false });
    expect(map.personaIds.sort()).toEqual(["p-2", "p-3"]);
    expect(map.touchpoints[0]).toMatchObject({ emotion: 3, momentOfTruth: true });
    setEmotion(doc, t1, null);
    expect(readMap(doc).touchpoints[0].emotion).toBeNull();
  });

  it("orders, moves and removes stages and touchpoints", () => {
    const doc = createMapDocument({ title: "Order" });
    const a = addStage(doc, "A");
    const b = addStage(doc, "B");
    const c = addStage(doc, "C", 0);
    const a1 = addTouchpoint(doc, a, undefined, { title: "a1" });
    addTouchpoint(doc, a, undefined, { title: "a2" });
    addTouchpoint(doc, a, 0, { title: "a0" });
    const b1 = addTouchpoint(doc, b, undefined, { title: "b1" });
    expect(titles(doc)).toEqual({ C: [], A: ["a0", "a1", "a2"], B: ["b1"] });
    moveTouchpoint(doc, a1, b, 0);
    expect(titles(doc)).toEqual({ C: [], A: ["a0", "a2"], B: ["a1", "b1"] });
    moveTouchpoint(doc, b1, c, 0);
    moveTouchpoint(doc, a1, b, 5);
    expect(titles(doc)).toEqual({ C: ["b1"], A: ["a0", "a2"], B: ["a1"] });
    moveStage(doc, c, 2);
    renameStage(doc, b, "Bee");
    expect(titles(doc)).toEqual({ A: ["a0", "a2"], Bee: ["a1"], C: ["b1"] });
    // Journey order follows the stages.
    expect(readMap(doc).touchpoints.map((t) => t.title)).toEqual(["a0", "a2", "a1", "b1"]);
    removeStage(doc, a, { moveTouchpointsTo: c });
    expect(titles(doc)).toEqual({ Bee: ["a1"], C: ["b1", "a0", "a2"] });
    removeStage(doc, b);
    expect(titles(doc)).toEqual({ C: ["b1", "a0", "a2"] });
    expect(readMap(doc).touchpoints).toHaveLength(3);
    removeTouchpoint(doc, readMap(doc).touchpoints[0].id);
    expect(titles(doc)).toEqual({ C: ["a0", "a2"] });
  });

  it("keeps custom lane texts per touchpoint and removes them with the lane", () => {
    const { doc, t2 } = fullMap();
    const lane = addLane(doc, "Compliance");
    setLaneValue(doc, t2, lane, "GDPR consent");
    expect(readMap(doc).touchpoints[1].laneValues[lane]).toBe("GDPR consent");
    expect(getLaneText(doc, t2, lane)!.toString()).toBe("GDPR consent");
    removeLane(doc, lane);
    expect(readMap(doc).lanes.map((l) => l.name)).toEqual(["Legal notes"]);
    expect(readMap(doc).touchpoints[1].laneValues).not.toHaveProperty(lane);
  });

  it("refuses touchpoints beyond the cap", () => {
    const doc = createMapDocument();
    // Filled through an import (one pass), then one more by hand.
    const touchpoints = Array.from({ length: MAP_LIMITS.touchpoints }, (_, i) => ({ id: `t${i}`, stageId: "s", title: `t${i}` }));
    applyExport(doc, parseMapExport({ format: "journeyboard.map/v1", title: "Full", stages: [{ id: "s", name: "S" }], touchpoints }));
    expect(readMap(doc).touchpoints).toHaveLength(MAP_LIMITS.touchpoints);
    expect(() => addTouchpoint(doc, "s")).toThrow("touchpoint_limit");
  });
});

describe("map document: export and import", () => {
  it("round-trips every field through the export format (and JSON)", () => {
    const { doc } = fullMap();
    const exported = toExport(doc, "map-1");
    expect(exported.format).toBe("journeyboard.map/v1");
    expect(exported.touchpoints[0].opportunities).toEqual(["Clearer claim"]);
    const json = JSON.parse(JSON.stringify(exported));
    const target = createMapDocument();
    applyExport(target, parseMapExport(json));
    expect(toExport(target, "map-1")).toEqual(exported);
    // Ids are kept.
    expect(readMap(target).touchpoints.map((t) => t.id)).toEqual(readMap(doc).touchpoints.map((t) => t.id));
    expect(readMap(target).stages.map((s) => s.id)).toEqual(["s-1", "s-2"]);
  });

  it("accepts the minimal contract form with string opportunities", () => {
    const data = parseMapExport({
      format: "journeyboard.map/v1",
      title: "Minimal",
      stages: [{ id: "s", name: "Stage" }],
      touchpoints: [{ id: "t", stageId: "s", title: "T", opportunities: ["Idea"], kpis: [{ name: "CSAT", target: 4.5, actual: 4.1, unit: "" }] }],
    });
    const doc = createMapDocument();
    applyExport(doc, data);
    const tp = readMap(doc).touchpoints[0];
    expect(tp.opportunities).toMatchObject([{ text: "Idea", status: "open", owner: "" }]);
    expect(tp.kpis[0]).toMatchObject({ name: "CSAT", target: 4.5, actual: 4.1, higherIsBetter: true });
    expect(tp.emotion).toBeNull();
  });

  it("updates existing entities in place so bound Y.Texts survive an import", () => {
    const { doc, t1 } = fullMap();
    const bound = getTouchpointText(doc, t1, "activity")!;
    const exported = toExport(doc, "m");
    exported.touchpoints[0].activity = "Sees the banner twice";
    exported.touchpoints.reverse();
    exported.touchpoints.forEach((t) => (t.stageId = "s-2"));
    applyExport(doc, parseMapExport(exported));
    expect(getTouchpointText(doc, t1, "activity")).toBe(bound);
    expect(bound.toString()).toBe("Sees the banner twice");
    expect(readMap(doc).stages[1].touchpointIds).toEqual([exported.touchpoints[0].id, t1]);
    expect(readMap(doc).stages[0].touchpointIds).toEqual([]);
  });

  it("names the offending field when invalid", () => {
    const { doc } = fullMap();
    const bad = toExport(doc, "m") as unknown as { touchpoints: { emotion: unknown; stageId: string }[] };
    bad.touchpoints[1].emotion = 5;
    bad.touchpoints[0].stageId = "missing";
    const result = ZMapExport.safeParse(bad);
    expect(result.success).toBe(false);
    const paths = (result.error as z.ZodError).issues.map((i) => i.path.join("."));
    expect(paths).toContain("touchpoints.1.emotion");
    // Refinements run only once the shape is valid; fix the emotion and the stage reference is reported.
    bad.touchpoints[1].emotion = 1;
    const second = ZMapExport.safeParse(bad);
    expect(second.error!.issues.map((i) => i.path.join("."))).toEqual(["touchpoints.0.stageId"]);
    expect(ZMapExport.safeParse({ ...toExport(doc, "m"), format: "other" }).error!.issues[0].path).toEqual(["format"]);
  });

  it("caps the number of touchpoints", () => {
    const touchpoints = Array.from({ length: MAP_LIMITS.touchpoints + 1 }, (_, i) => ({ id: `t${i}`, stageId: "s", title: "x" }));
    const result = ZMapExport.safeParse({ format: "journeyboard.map/v1", title: "Big", stages: [{ id: "s", name: "S" }], touchpoints });
    expect(result.error!.issues[0].path).toEqual(["touchpoints"]);
  });
});

describe("map document: concurrent editing", () => {
  it("keeps both people's words when they type into one field at once", () => {
    const { doc: a, t1 } = fullMap();
    const b = replica(a);
    getTouchpointText(a, t1, "thoughts")!.insert(0, "Ada: ");
    const tb = getTouchpointText(b, t1, "thoughts")!;
    tb.insert(tb.length, " — Ben");
    sync(a, b);
    const ta = readMap(a).touchpoints[0].thoughts;
    expect(ta).toBe(readMap(b).touchpoints[0].thoughts);
    expect(ta).toContain("Ada: ");
    expect(ta).toContain(" — Ben");
    expect(ta).toContain("Looks neat");
  });

  it("setText only touches the changed middle, so a concurrent edit elsewhere survives", () => {
    const { doc: a, t1 } = fullMap();
    const b = replica(a);
    updateTouchpointField(a, t1, "goal", "Find a good tool");
    getTouchpointText(b, t1, "goal")!.insert(getTouchpointText(b, t1, "goal")!.length, " fast");
    sync(a, b);
    expect(readMap(a).touchpoints[0].goal).toBe("Find a good tool fast");
    expect(readMap(b).touchpoints[0].goal).toBe("Find a good tool fast");
  });

  it("converges when two people move the same touchpoint at once (no duplicates, one stage)", () => {
    const doc = createMapDocument();
    const s1 = addStage(doc, "One");
    const s2 = addStage(doc, "Two");
    const s3 = addStage(doc, "Three");
    const x = addTouchpoint(doc, s1, undefined, { title: "x" });
    addTouchpoint(doc, s1, undefined, { title: "y" });
    addTouchpoint(doc, s2, undefined, { title: "z" });
    const a = replica(doc);
    const b = replica(doc);
    moveTouchpoint(a, x, s2, 0);
    moveTouchpoint(b, x, s3, 0);
    updateTouchpointField(b, x, "title", "x!");
    sync(a, b);
    expect(titles(a)).toEqual(titles(b));
    const all = readMap(a).touchpoints;
    expect(all.filter((t) => t.id === x)).toHaveLength(1);
    expect(all).toHaveLength(3);
    expect(all.find((t) => t.id === x)!.title).toBe("x!");
  });

  it("converges on concurrent reorder within a stage and edits of the moved touchpoint", () => {
    const doc = createMapDocument();
    const s = addStage(doc, "S");
    const ids = ["a", "b", "c", "d"].map((title) => addTouchpoint(doc, s, undefined, { title }));
    const a = replica(doc);
    const b = replica(doc);
    moveTouchpoint(a, ids[0], s, 3);
    moveTouchpoint(b, ids[3], s, 0);
    getTouchpointText(b, ids[0], "activity")!.insert(0, "typed while moved");
    sync(a, b);
    expect(titles(a)).toEqual(titles(b));
    expect(titles(a).S.sort()).toEqual(["a", "b", "c", "d"]);
    expect(readMap(a).touchpoints.find((t) => t.id === ids[0])!.activity).toBe("typed while moved");
  });

  it("keeps a touchpoint added to a stage someone else removed at the same time", () => {
    const doc = createMapDocument();
    const s1 = addStage(doc, "Keep");
    const s2 = addStage(doc, "Gone");
    const a = replica(doc);
    const b = replica(doc);
    removeStage(a, s2);
    addTouchpoint(b, s2, undefined, { title: "late" });
    sync(a, b);
    expect(titles(a)).toEqual({ Keep: ["late"] });
    expect(titles(b)).toEqual(titles(a));
    expect(readMap(a).touchpoints[0].stageId).toBe(s1);
  });

  it("concurrent adds on both sides are all kept", () => {
    const doc = createMapDocument();
    const s = addStage(doc, "S");
    const a = replica(doc);
    const b = replica(doc);
    addTouchpoint(a, s, 0, { title: "from a" });
    addTouchpoint(b, s, 0, { title: "from b" });
    addPainPoint(a, readMap(a).touchpoints[0].id, "pain a");
    sync(a, b);
    expect(titles(a)).toEqual(titles(b));
    expect(titles(a).S.sort()).toEqual(["from a", "from b"]);
  });
});

describe("gaps", () => {
  it("flags changes of channel, device and department between consecutive touchpoints", () => {
    const doc = createMapDocument();
    const s1 = addStage(doc, "One");
    const s2 = addStage(doc, "Two");
    const t1 = addTouchpoint(doc, s1, undefined, { channel: "Social", device: "Phone", department: "Marketing" });
    const t2 = addTouchpoint(doc, s1, undefined, { channel: "Website", device: "phone", department: "Marketing" });
    const t3 = addTouchpoint(doc, s2, undefined, { channel: "Website", device: "Desktop", department: "" });
    const t4 = addTouchpoint(doc, s2, undefined, { channel: "Phone", device: "Desktop", department: "Sales" });
    setGapHandled(doc, { fromTouchpointId: t1, toTouchpointId: t2, kind: "channel" }, true, "UTM-tagged deep link");
    const gaps = computeGaps(readMap(doc));
    expect(gaps.map((g) => [g.fromTouchpointId, g.toTouchpointId, g.kind, g.fromValue, g.toValue, g.handled])).toEqual([
      [t1, t2, "channel", "Social", "Website", true],
      [t2, t3, "device", "phone", "Desktop", false],
      [t3, t4, "channel", "Website", "Phone", false],
    ]);
    expect(gaps[0].note).toBe("UTM-tagged deep link");
    // Reordering changes the neighbours and with them the gaps; the old note no longer applies.
    moveTouchpoint(doc, t2, s2, 5);
    const after = computeGaps(readMap(doc));
    expect(after.find((g) => g.fromTouchpointId === t1)).toMatchObject({ toTouchpointId: t3, kind: "channel", handled: false });
    setGapHandled(doc, { fromTouchpointId: t1, toTouchpointId: t2, kind: "channel" }, false);
    expect(readMap(doc).gapNotes).toEqual([]);
  });

  it("summarises the emotion curve", () => {
    const { doc } = fullMap();
    expect(summarizeEmotions(readMap(doc))).toEqual({ curve: [1, -2], average: -0.5 });
  });
});

describe("setText", () => {
  it("writes only the difference and handles surrogate pairs", () => {
    const doc = new Y.Doc();
    const t = doc.getText("t");
    setText(t, "Hello 👋 world");
    setText(t, "Hello 👍 world");
    expect(t.toString()).toBe("Hello 👍 world");
    setText(t, "");
    expect(t.toString()).toBe("");
  });
});
