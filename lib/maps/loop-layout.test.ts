import { describe, expect, it } from "vitest";
import { arcPath, layoutLoop, polar } from "./loop-layout";

const cycle = {
  stages: [
    { id: "s1", name: "Impulse", touchpointIds: ["a"] },
    { id: "s2", name: "Discover", touchpointIds: ["b", "c"] },
    { id: "s3", name: "Initiate", touchpointIds: [] },
    { id: "s4", name: "Experience", touchpointIds: ["d"] },
    { id: "s5", name: "Recommend", touchpointIds: ["e"] },
  ],
  touchpoints: [
    { id: "a", stageId: "s1", emotion: 1 },
    { id: "b", stageId: "s2", emotion: -3 },
    { id: "c", stageId: "s2", emotion: null },
    { id: "d", stageId: "s4", emotion: 0 },
    { id: "e", stageId: "s5", emotion: 3 },
  ],
};

const dist = (x: number, y: number, cx: number, cy: number) => Math.hypot(x - cx, y - cy);

describe("layoutLoop", () => {
  it("places stages clockwise in order, without overlap, leaving a return gap at the top", () => {
    const l = layoutLoop(cycle);
    expect(l.stages.map((s) => s.name)).toEqual(["Impulse", "Discover", "Initiate", "Experience", "Recommend"]);
    for (let i = 1; i < l.stages.length; i++) expect(l.stages[i].startAngle).toBeGreaterThan(l.stages[i - 1].endAngle);
    expect(l.stages[0].startAngle).toBeGreaterThan(0);
    expect(l.stages.at(-1)!.endAngle).toBeLessThan(Math.PI * 2);
    // Arcs are proportional to touchpoints (an empty stage counts as one).
    const span = (i: number) => l.stages[i].endAngle - l.stages[i].startAngle;
    expect(span(1)).toBeCloseTo(span(0) * 2, 1);
    expect(span(2)).toBeCloseTo(span(0), 1);
  });

  it("puts touchpoints in journey order inside their stage's arc", () => {
    const l = layoutLoop(cycle);
    expect(l.points.map((p) => p.touchpointId)).toEqual(["a", "b", "c", "d", "e"]);
    expect(l.points.map((p) => p.index)).toEqual([0, 1, 2, 3, 4]);
    for (const p of l.points) {
      const s = l.stages.find((st) => st.id === p.stageId)!;
      expect(p.angle).toBeGreaterThan(s.startAngle);
      expect(p.angle).toBeLessThan(s.endAngle);
    }
    const angles = l.points.map((p) => p.angle);
    expect([...angles].sort((x, y) => x - y)).toEqual(angles);
  });

  it("moves points outward for positive and inward for negative emotion; unrated and 0 stay on the ring", () => {
    const l = layoutLoop(cycle, { size: 600 });
    const r = (id: string) => {
      const p = l.points.find((q) => q.touchpointId === id)!;
      return dist(p.x, p.y, l.cx, l.cy);
    };
    expect(r("a")).toBeCloseTo(l.radius + l.emotionStep, 0);
    expect(r("b")).toBeCloseTo(l.radius - 3 * l.emotionStep, 0);
    expect(r("c")).toBeCloseTo(l.radius, 0);
    expect(r("d")).toBeCloseTo(l.radius, 0);
    expect(r("e")).toBeCloseTo(l.radius + 3 * l.emotionStep, 0);
    // Everything, including +3 labels, fits inside the drawing.
    for (const p of l.points) {
      for (const v of [p.x, p.y, p.labelX, p.labelY]) {
        expect(v).toBeGreaterThan(0);
        expect(v).toBeLessThan(600);
      }
    }
  });

  it("draws the return arrow from the last stage's end to the first stage's start, across the top", () => {
    const l = layoutLoop(cycle);
    const end = polar(l.cx, l.cy, l.radius, l.stages[4].endAngle + 0.03);
    expect(l.returnPath.startsWith(`M ${end.x} ${end.y}`)).toBe(true);
    expect(l.returnPath).toContain(" A ");
    expect(l.curvePath.endsWith("Z")).toBe(true);
  });

  it("handles an empty map and a single stage", () => {
    expect(layoutLoop({ stages: [], touchpoints: [] })).toMatchObject({ stages: [], points: [], curvePath: "", returnPath: "" });
    const one = layoutLoop({ stages: [{ id: "s", name: "Only", touchpointIds: ["x"] }], touchpoints: [{ id: "x", stageId: "s", emotion: 2 }] });
    expect(one.points).toHaveLength(1);
    expect(one.returnPath).not.toBe("");
  });

  it("clamps out-of-range emotions and ignores ids without a touchpoint", () => {
    const l = layoutLoop({ stages: [{ id: "s", name: "S", touchpointIds: ["x", "ghost"] }], touchpoints: [{ id: "x", stageId: "s", emotion: 9 }] });
    expect(l.points).toHaveLength(1);
    expect(l.points[0].emotion).toBe(3);
  });
});

describe("arcPath", () => {
  it("uses the large-arc flag beyond half a turn and nothing for an empty arc", () => {
    expect(arcPath(0, 0, 10, 0, 4)).toContain(" 0 1 1 ");
    expect(arcPath(0, 0, 10, 0, 1)).toContain(" 0 0 1 ");
    expect(arcPath(0, 0, 10, 1, 1)).toBe("");
  });
});
