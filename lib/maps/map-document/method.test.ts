// Issue 13, part A: stage substance and sharper touchpoints in the map document.
import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import {
  addEvidence, addOpportunity, addPainPoint, addStage, addStageKpi, addTouchpoint, applyExport, createMapDocument, getStageText,
  parseMapExport, readMap, removeStageKpi, setMomentOfTruth, setMomentOfTruthKind, toExport, updateEvidence, updateOpportunity,
  updatePainPointDetails, updateStageDetails, updateStageKpi, updateTouchpointMethod, ZMapExport,
} from ".";

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

function methodMap() {
  const doc = createMapDocument({ title: "Onboarding" });
  const s = addStage(doc, "Kick-off", undefined, "s-1");
  updateStageDetails(doc, s, { goal: "Team is set up", centralQuestion: "Does the vendor keep its promise?", duration: "2–4 weeks" });
  addStageKpi(doc, s, { name: "Time to first value", target: 7, actual: 9, unit: "days", higherIsBetter: false });
  const t = addTouchpoint(doc, s, undefined, { title: "Welcome call", emotion: 2 }, "t-1");
  setMomentOfTruthKind(doc, t, "wow");
  updateTouchpointMethod(doc, t, { priority: "high", superfluous: true, timeToNext: "2 days" });
  const p = addPainPoint(doc, t, { text: "Too long", severity: 3, frequency: "often", owner: "Ben", status: "in_progress" })!;
  const o = addOpportunity(doc, t, { text: "Shorter call", impact: 4, effort: 2, dueDate: "2026-03-31" })!;
  const e = addEvidence(doc, t, { kind: "qualitative", text: "Interview 3", date: "2026-01-15", link: "https://example.com/i3" })!;
  return { doc, s, t, p, o, e };
}

describe("map document (method): stages and touchpoints", () => {
  it("reads every new field written by the edit functions", () => {
    const { doc } = methodMap();
    const map = readMap(doc);
    expect(map.stages[0]).toMatchObject({
      goal: "Team is set up", centralQuestion: "Does the vendor keep its promise?", duration: "2–4 weeks",
      kpis: [{ name: "Time to first value", target: 7, actual: 9, unit: "days", higherIsBetter: false }],
    });
    const tp = map.touchpoints[0];
    expect(tp).toMatchObject({ momentOfTruthKind: "wow", momentOfTruth: true, priority: "high", superfluous: true, timeToNext: "2 days" });
    expect(tp.painPoints[0]).toMatchObject({ text: "Too long", severity: 3, frequency: "often", owner: "Ben", status: "in_progress" });
    expect(tp.opportunities[0]).toMatchObject({ text: "Shorter call", impact: 4, effort: 2, dueDate: "2026-03-31" });
    expect(tp.evidence[0]).toMatchObject({ date: "2026-01-15", link: "https://example.com/i3" });
  });

  it("updates and clears the new fields; refuses values out of range", () => {
    const { doc, s, t, p, o, e } = methodMap();
    const kpiId = readMap(doc).stages[0].kpis[0].id;
    updateStageKpi(doc, s, kpiId, { actual: 6 });
    expect(readMap(doc).stages[0].kpis[0].actual).toBe(6);
    removeStageKpi(doc, s, kpiId);
    expect(readMap(doc).stages[0].kpis).toEqual([]);
    setMomentOfTruthKind(doc, t, null);
    expect(readMap(doc).touchpoints[0]).toMatchObject({ momentOfTruth: false, momentOfTruthKind: null });
    setMomentOfTruthKind(doc, t, "frustration");
    expect(readMap(doc).touchpoints[0]).toMatchObject({ momentOfTruth: true, momentOfTruthKind: "frustration" });
    // The old boolean setter keeps the kind in step.
    setMomentOfTruth(doc, t, false);
    expect(readMap(doc).touchpoints[0].momentOfTruthKind).toBeNull();
    setMomentOfTruth(doc, t, true);
    expect(readMap(doc).touchpoints[0].momentOfTruthKind).toBe("wow"); // emotion +2
    updatePainPointDetails(doc, t, p, { severity: 7, frequency: null });
    updateOpportunity(doc, t, o, { impact: 9, effort: 5, dueDate: "2026-02-30" });
    updateEvidence(doc, t, e, { link: "javascript:alert(1)" });
    const tp = readMap(doc).touchpoints[0];
    expect(tp.painPoints[0]).toMatchObject({ severity: null, frequency: null });
    expect(tp.opportunities[0]).toMatchObject({ impact: null, effort: 5, dueDate: null });
    expect(tp.evidence[0].link).toBe("");
  });

  it("reads old documents with defaults; an old moment of truth gets a kind from its emotion", () => {
    const doc = new Y.Doc();
    // Written by the schema before issue 13: no stage substance, only the boolean.
    doc.transact(() => {
      const st = new Y.Map<unknown>();
      st.set("id", "s");
      st.set("name", new Y.Text("Old stage"));
      doc.getMap("stages").set("s", st);
      doc.getArray<string>("stageOrder").push(["s"]);
      for (const [id, emotion, mot] of [["a", 2, true], ["b", -1, true], ["c", null, true], ["d", 3, false]] as const) {
        const tp = new Y.Map<unknown>();
        tp.set("id", id);
        tp.set("stageId", "s");
        tp.set("emotion", emotion);
        tp.set("momentOfTruth", mot);
        const pains = new Y.Array<Y.Map<unknown>>();
        const pain = new Y.Map<unknown>();
        pain.set("id", `p-${id}`);
        pain.set("text", new Y.Text("old pain"));
        pains.push([pain]);
        tp.set("painPoints", pains);
        doc.getMap("touchpoints").set(id, tp);
        doc.getArray<string>("touchpointOrder").push([id]);
      }
    });
    const map = readMap(doc);
    expect(map.stages[0]).toMatchObject({ goal: "", centralQuestion: "", duration: "", kpis: [] });
    expect(map.touchpoints.map((t) => t.momentOfTruthKind)).toEqual(["wow", "frustration", "frustration", null]);
    expect(map.touchpoints.map((t) => t.momentOfTruth)).toEqual([true, true, true, false]);
    expect(map.touchpoints[0]).toMatchObject({ priority: null, superfluous: false, timeToNext: "" });
    expect(map.touchpoints[0].painPoints[0]).toMatchObject({ severity: null, frequency: null, owner: "", status: "open" });
    // Editing an old stage creates its texts on first use.
    const goal = getStageText(doc, "s", "goal")!;
    goal.insert(0, "Set up");
    expect(readMap(doc).stages[0].goal).toBe("Set up");
  });

  it("builds touchpoints with details without reading Yjs types before they are in the document", () => {
    const warn = vi.spyOn(console, "warn");
    const error = vi.spyOn(console, "error");
    const doc = createMapDocument();
    const s = addStage(doc, "S");
    const t = addTouchpoint(doc, s, undefined, {
      title: "x", momentOfTruthKind: "wow", priority: "high", painPoints: [{ text: "p", severity: 2 }],
      opportunities: [{ text: "o", impact: 2, departmentId: null }], evidence: [{ kind: "qualitative", text: "e", link: "https://example.com" }],
      // The other parts' fields as an import writes them (curves, pair, references).
      personaEmotions: {}, sourceTouchpointId: null, futureStatus: "idea", departmentId: null, ownerId: null,
    });
    addPainPoint(doc, t, { text: "q", severity: 1 });
    addOpportunity(doc, t, { text: "o2", effort: 3 });
    expect([...warn.mock.calls, ...error.mock.calls]).toEqual([]);
    expect(readMap(doc).touchpoints[0]).toMatchObject({ momentOfTruthKind: "wow", painPoints: [{ severity: 2 }, { severity: 1 }], opportunities: [{ impact: 2 }, { effort: 3 }] });
    warn.mockRestore();
    error.mockRestore();
  });

  it("keeps concurrent edits from two documents", () => {
    const { doc: a, s, t } = methodMap();
    const b = new Y.Doc();
    sync(a, b);
    // Both type into the central question at once; one sets the priority, the other the kind.
    getStageText(a, s, "centralQuestion")!.insert(0, "Really: ");
    getStageText(b, s, "centralQuestion")!.insert(getStageText(b, s, "centralQuestion")!.length, " (ask the admin)");
    updateTouchpointMethod(a, t, { priority: "low" });
    setMomentOfTruthKind(b, t, "frustration");
    updateStageDetails(b, s, { duration: "3 weeks" });
    addStageKpi(a, s, { name: "Logins", target: 5 });
    sync(a, b);
    for (const doc of [a, b]) {
      const map = readMap(doc);
      expect(map.stages[0].centralQuestion).toBe("Really: Does the vendor keep its promise? (ask the admin)");
      expect(map.stages[0].duration).toBe("3 weeks");
      expect(map.stages[0].kpis.map((k) => k.name)).toEqual(["Time to first value", "Logins"]);
      expect(map.touchpoints[0]).toMatchObject({ priority: "low", momentOfTruthKind: "frustration", momentOfTruth: true });
    }
  });
});

describe("map document (method): export and import", () => {
  it("round-trips every new field through JSON", () => {
    const { doc } = methodMap();
    const exported = toExport(doc, "m");
    expect(exported.stages[0]).toMatchObject({ centralQuestion: "Does the vendor keep its promise?", duration: "2–4 weeks" });
    expect(exported.touchpoints[0]).toMatchObject({ momentOfTruthKind: "wow", momentOfTruth: true, priority: "high", superfluous: true, timeToNext: "2 days" });
    const json = JSON.parse(JSON.stringify(exported));
    const target = createMapDocument();
    applyExport(target, parseMapExport(json));
    expect(toExport(target, "m")).toEqual(exported);
    // Applying onto an existing document updates in place.
    json.stages[0].goal = "Everyone logged in";
    json.stages[0].kpis = [];
    json.touchpoints[0].painPointDetails[0].severity = 1;
    json.touchpoints[0].opportunityDetails[0].effort = 5;
    json.touchpoints[0].momentOfTruthKind = null;
    json.touchpoints[0].momentOfTruth = false;
    applyExport(target, parseMapExport(json));
    const map = readMap(target);
    expect(map.stages[0]).toMatchObject({ goal: "Everyone logged in", kpis: [] });
    expect(map.touchpoints[0]).toMatchObject({ momentOfTruthKind: null, painPoints: [{ severity: 1 }], opportunities: [{ effort: 5 }] });
  });

  it("imports old exports: no new fields, momentOfTruth true → kind by emotion", () => {
    const data = parseMapExport({
      format: "journeyboard.map/v1",
      title: "Old",
      stages: [{ id: "s", name: "Stage" }],
      touchpoints: [
        { id: "a", stageId: "s", emotion: 3, momentOfTruth: true, painPoints: ["Slow"], opportunities: ["Faster"] },
        { id: "b", stageId: "s", emotion: -2, momentOfTruth: true },
      ],
    });
    const doc = createMapDocument();
    applyExport(doc, data);
    const map = readMap(doc);
    expect(map.touchpoints.map((t) => t.momentOfTruthKind)).toEqual(["wow", "frustration"]);
    expect(map.touchpoints[0].painPoints[0]).toMatchObject({ text: "Slow", severity: null, status: "open" });
    expect(map.touchpoints[0].opportunities[0]).toMatchObject({ text: "Faster", impact: null, effort: null, dueDate: null });
    expect(map.stages[0]).toMatchObject({ goal: "", centralQuestion: "", kpis: [] });
  });

  it("names the offending field for bad values", () => {
    const base = toExport(methodMap().doc, "m");
    const cases: [string, (x: typeof base) => void, string][] = [
      ["kind", (x) => ((x.touchpoints[0] as { momentOfTruthKind: unknown }).momentOfTruthKind = "meh"), "touchpoints.0.momentOfTruthKind"],
      ["priority", (x) => ((x.touchpoints[0] as { priority: unknown }).priority = "urgent"), "touchpoints.0.priority"],
      ["severity", (x) => (x.touchpoints[0].painPointDetails[0].severity = 4), "touchpoints.0.painPointDetails.0.severity"],
      ["frequency", (x) => ((x.touchpoints[0].painPointDetails[0] as { frequency: unknown }).frequency = "daily"), "touchpoints.0.painPointDetails.0.frequency"],
      ["impact", (x) => (x.touchpoints[0].opportunityDetails[0].impact = 0), "touchpoints.0.opportunityDetails.0.impact"],
      ["effort", (x) => (x.touchpoints[0].opportunityDetails[0].effort = 2.5), "touchpoints.0.opportunityDetails.0.effort"],
      ["due date", (x) => (x.touchpoints[0].opportunityDetails[0].dueDate = "31.03.2026"), "touchpoints.0.opportunityDetails.0.dueDate"],
      ["evidence date", (x) => (x.touchpoints[0].evidence[0].date = "2026-13-01"), "touchpoints.0.evidence.0.date"],
      ["link", (x) => (x.touchpoints[0].evidence[0].link = "javascript:alert(1)"), "touchpoints.0.evidence.0.link"],
      ["stage kpi", (x) => (x.stages[0].kpis![0].name = ""), "stages.0.kpis.0.name"],
    ];
    for (const [, mutate, path] of cases) {
      const bad = structuredClone(base);
      mutate(bad);
      const result = ZMapExport.safeParse(bad);
      expect(result.success, path).toBe(false);
      expect(result.error!.issues.map((i) => i.path.join("."))).toContain(path);
    }
  });
});
