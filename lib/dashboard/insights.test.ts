import { describe, expect, it } from "vitest";
import { emotionByStageInsight, freshnessInsight, gapsInsight, kpiInsight, curvesInsight, siloInsight } from "./insights";
import type { EmotionByStageRow } from "./emotion-by-stage";

const stage = (name: string, avg: number | null): EmotionByStageRow => ({
  stage: name, typicalPosition: 0, maps: 1, touchpoints: 1, rated: avg === null ? 0 : 1, avg, min: avg, max: avg, stddev: 0, spread: 0,
});

describe("dashboard insights", () => {
  it("names the stage where customers suffer most, or the weakest when none is negative", () => {
    expect(emotionByStageInsight([stage("Discover", 1), stage("Onboarding", -1.5), stage("Use", null)])).toEqual({
      key: "emotionByStage.suffer", values: { stage: "Onboarding", avg: -1.5 },
    });
    expect(emotionByStageInsight([stage("Discover", 2), stage("Use", 0.5)])).toEqual({ key: "emotionByStage.lowest", values: { stage: "Use", avg: 0.5 } });
    expect(emotionByStageInsight([stage("Use", null)]).key).toBe("emotionByStage.empty");
  });

  it("compares curves by their average emotion", () => {
    const curve = (title: string, emotions: (number | null)[]) => ({
      mapId: title, title, state: "current" as const, personas: [],
      points: emotions.map((emotion, i) => ({ touchpointId: `${i}`, title: `T${i}`, stage: "S", step: i + 1, emotion, momentOfTruth: false })),
    });
    expect(curvesInsight({ mapsInScope: 2, curves: [curve("Today", [-2, 0, null]), curve("Tomorrow", [1, 2])] })).toEqual({
      key: "curves.compare", values: { better: "Tomorrow", worse: "Today", diff: 2.5 },
    });
    expect(curvesInsight({ mapsInScope: 1, curves: [curve("Today", [1, -2, 0])] })).toEqual({
      key: "curves.single", values: { map: "Today", touchpoint: "T1", emotion: -2 },
    });
  });

  it("KPIs, gaps, silo and freshness", () => {
    expect(kpiInsight({ kpis: [], total: 4, onTarget: 1, byDepartment: [{ department: "Sales", kpis: 2, onTarget: 0, missed: 2, share: 0 }] })).toEqual({
      key: "kpiAttainment.missed", values: { missed: 3, total: 4, department: "Sales", share: 0 },
    });
    expect(gapsInsight({ total: 2, byKind: [{ kind: "device", open: 2, maps: 1 }], handovers: [] })).toEqual({ key: "gaps.kind", values: { kind: "device", count: 2 } });
    expect(siloInsight({ departments: ["A", "B"], stages: ["S"], cells: [
      { department: "A", stage: "S", touchpoints: 3, rated: 3, avgEmotion: -1 },
      { department: "B", stage: "S", touchpoints: 1, rated: 1, avgEmotion: -1 },
    ] })).toEqual({ key: "silo.worstCell", values: { department: "A", stage: "S", avg: -1 } });
    expect(freshnessInsight({ stale: [], maps: 3, staleCount: 0 })).toEqual({ key: "freshness.allFresh", values: { maps: 3 } });
  });
});
