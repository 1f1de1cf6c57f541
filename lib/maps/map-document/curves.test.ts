import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addJourneyKpi,
  addStage,
  addTouchpoint,
  applyExport,
  createMapDocument,
  hasPersonaCurves,
  parseMapExport,
  personaCurves,
  readJourneyKpis,
  readMap,
  removeJourneyKpi,
  setJourneyKpiActual,
  setPersonaEmotion,
  toExport,
  updateJourneyKpi,
} from "./index";

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const ADMIN = "11111111-1111-4111-8111-111111111111";
const USER = "22222222-2222-4222-8222-222222222222";

function twoTouchpoints() {
  const doc = createMapDocument({ title: "Onboarding", personaIds: [ADMIN, USER] });
  const s = addStage(doc, "Start");
  const a = addTouchpoint(doc, s, undefined, { title: "Sign up", emotion: 1 });
  const b = addTouchpoint(doc, s, undefined, { title: "Set up", emotion: -1 });
  return { doc, a, b };
}

describe("persona emotions", () => {
  it("defaults to no persona ratings and no journey KPIs for documents from before", () => {
    const doc = new Y.Doc();
    doc.getMap("meta").set("schema", 1);
    doc.getMap("stages").set("s", new Y.Map());
    doc.getArray("stageOrder").push(["s"]);
    const tp = new Y.Map<unknown>();
    tp.set("id", "t");
    tp.set("stageId", "s");
    tp.set("emotion", 2);
    doc.getMap("touchpoints").set("t", tp);
    doc.getArray("touchpointOrder").push(["t"]);
    const map = readMap(doc);
    expect(map.touchpoints[0].personaEmotions).toEqual({});
    expect(map.journeyKpis).toEqual([]);
    // An old export (no personaEmotions / journeyKpis) still imports.
    const old = parseMapExport({ format: "journeyboard.map/v1", title: "Old", stages: [{ id: "s" }], touchpoints: [{ stageId: "s", emotion: 1 }] });
    const imported = new Y.Doc();
    applyExport(imported, old);
    expect(readMap(imported).journeyKpis).toEqual([]);
    expect(readMap(imported).touchpoints[0].personaEmotions).toEqual({});
  });

  it("sets, clamps and clears a persona's emotion; the default emotion stays", () => {
    const { doc, a } = twoTouchpoints();
    setPersonaEmotion(doc, a, ADMIN, -5);
    setPersonaEmotion(doc, a, USER, 2.4);
    let tp = readMap(doc).touchpoints[0];
    expect(tp.personaEmotions).toEqual({ [ADMIN]: -3, [USER]: 2 });
    expect(tp.emotion).toBe(1);
    setPersonaEmotion(doc, a, USER, null);
    tp = readMap(doc).touchpoints[0];
    expect(tp.personaEmotions).toEqual({ [ADMIN]: -3 });
    expect(setPersonaEmotion(doc, "nope", ADMIN, 1)).toBe(false);
  });

  it("keeps both ratings when two people rate different personas of one touchpoint at once", () => {
    const { doc: one, a } = twoTouchpoints();
    const two = new Y.Doc();
    sync(one, two);
    setPersonaEmotion(one, a, ADMIN, -2);
    setPersonaEmotion(two, a, USER, 3);
    sync(one, two);
    expect(readMap(one).touchpoints[0].personaEmotions).toEqual({ [ADMIN]: -2, [USER]: 3 });
    expect(readMap(two)).toEqual(readMap(one));
  });

  it("converges when two people rate the same persona at once (one value wins everywhere)", () => {
    const { doc: one, a } = twoTouchpoints();
    const two = new Y.Doc();
    sync(one, two);
    setPersonaEmotion(one, a, ADMIN, -2);
    setPersonaEmotion(two, a, ADMIN, 2);
    sync(one, two);
    const value = readMap(one).touchpoints[0].personaEmotions[ADMIN];
    expect([-2, 2]).toContain(value);
    expect(readMap(two).touchpoints[0].personaEmotions[ADMIN]).toBe(value);
  });

  it("builds a curve per persona with its lowest point; one persona keeps the single curve", () => {
    const { doc, a, b } = twoTouchpoints();
    setPersonaEmotion(doc, a, ADMIN, -1);
    setPersonaEmotion(doc, b, ADMIN, -3);
    setPersonaEmotion(doc, a, USER, 2);
    const map = readMap(doc);
    expect(hasPersonaCurves(map)).toBe(true);
    const curves = personaCurves(map);
    expect(curves.map((c) => c.personaId)).toEqual([ADMIN, USER]);
    expect(curves[0].points.map((p) => p.emotion)).toEqual([-1, -3]);
    expect(curves[0].lowest?.touchpointId).toBe(b);
    expect(curves[1].points.map((p) => p.emotion)).toEqual([2, null]);
    expect(personaCurves(map, { fallback: true })[1].points.map((p) => p.emotion)).toEqual([2, -1]);
    expect(hasPersonaCurves({ personaIds: [ADMIN] })).toBe(false);
  });
});

describe("journey KPIs", () => {
  it("adds with metric defaults, updates, sets actual by name or id and removes", () => {
    const doc = createMapDocument({ title: "M" });
    const nps = addJourneyKpi(doc, { name: "NPS", metric: "nps", target: 40 });
    const ces = addJourneyKpi(doc, { name: "Effort", metric: "ces", target: 2 });
    expect(readJourneyKpis(doc)).toEqual([
      { id: nps, name: "NPS", metric: "nps", target: 40, actual: null, unit: "", higherIsBetter: true },
      { id: ces, name: "Effort", metric: "ces", target: 2, actual: null, unit: "", higherIsBetter: false },
    ]);
    expect(setJourneyKpiActual(doc, " nps ", 31)).toBe(true);
    expect(setJourneyKpiActual(doc, ces, 2.5)).toBe(true);
    expect(setJourneyKpiActual(doc, "missing", 1)).toBe(false);
    updateJourneyKpi(doc, nps, { target: 45, unit: "pts" });
    expect(readJourneyKpis(doc)[0]).toMatchObject({ actual: 31, target: 45, unit: "pts" });
    expect(readJourneyKpis(doc)[1].actual).toBe(2.5);
    removeJourneyKpi(doc, ces);
    expect(readJourneyKpis(doc).map((k) => k.id)).toEqual([nps]);
  });

  it("keeps concurrent additions and edits of different fields", () => {
    const one = createMapDocument({ title: "M" });
    const nps = addJourneyKpi(one, { name: "NPS", metric: "nps" });
    const two = new Y.Doc();
    sync(one, two);
    addJourneyKpi(one, { name: "CSAT", metric: "csat" });
    addJourneyKpi(two, { name: "Retention", metric: "retention" });
    updateJourneyKpi(one, nps, { target: 40 });
    updateJourneyKpi(two, nps, { actual: 32 });
    sync(one, two);
    const kpis = readJourneyKpis(one);
    expect(kpis.map((k) => k.name).sort()).toEqual(["CSAT", "NPS", "Retention"]);
    expect(kpis.find((k) => k.id === nps)).toMatchObject({ target: 40, actual: 32 });
    expect(readJourneyKpis(two)).toEqual(kpis);
  });
});

describe("export round trip", () => {
  it("keeps persona emotions and journey KPIs (ids included) through JSON", () => {
    const { doc, a, b } = twoTouchpoints();
    setPersonaEmotion(doc, a, ADMIN, -2);
    setPersonaEmotion(doc, b, USER, 3);
    const nps = addJourneyKpi(doc, { name: "NPS", metric: "nps", target: 40, actual: 28 });
    const exported = JSON.parse(JSON.stringify(toExport(doc, "m1")));
    expect(exported.touchpoints[0].personaEmotions).toEqual({ [ADMIN]: -2 });
    expect(exported.journeyKpis[0]).toMatchObject({ id: nps, name: "NPS", metric: "nps", target: 40, actual: 28 });

    const fresh = new Y.Doc();
    applyExport(fresh, parseMapExport(exported));
    const back = readMap(fresh);
    expect(back.touchpoints.map((t) => t.personaEmotions)).toEqual([{ [ADMIN]: -2 }, { [USER]: 3 }]);
    expect(back.journeyKpis).toEqual(readMap(doc).journeyKpis);

    // Applying onto the existing document changes only what differs.
    exported.touchpoints[0].personaEmotions = { [USER]: 1 };
    exported.journeyKpis[0].actual = 30;
    applyExport(doc, parseMapExport(exported));
    const after = readMap(doc);
    expect(after.touchpoints[0].personaEmotions).toEqual({ [USER]: 1 });
    expect(after.journeyKpis[0]).toMatchObject({ id: nps, actual: 30 });
  });

  it("rejects out-of-range persona emotions and unknown metrics", () => {
    const base = { format: "journeyboard.map/v1", title: "X", stages: [{ id: "s" }] };
    expect(() => parseMapExport({ ...base, touchpoints: [{ stageId: "s", personaEmotions: { [ADMIN]: 4 } }] })).toThrow();
    expect(() => parseMapExport({ ...base, touchpoints: [], journeyKpis: [{ name: "X", metric: "likes" }] })).toThrow();
  });
});
