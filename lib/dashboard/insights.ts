// The sentence each dashboard card uses as its title: the insight computed from the panel's data
// ("Onboarding is where customers suffer most"), as a message key under `dashboard.insights` and its
// values. Pure, so the page, tests and any export agree on what the data says.
import type { Dashboard } from "./get-dashboard";

export type Insight = { key: string; values: Record<string, string | number> };

const insight = (key: string, values: Record<string, string | number> = {}): Insight => ({ key, values });

/** Lowest by `value`, first wins on ties (the input order is meaningful: journey order, severity…). */
function lowest<T>(items: T[], value: (item: T) => number | null): T | undefined {
  let best: T | undefined;
  let bestValue = Infinity;
  for (const item of items) {
    const v = value(item);
    if (v !== null && v < bestValue) {
      best = item;
      bestValue = v;
    }
  }
  return best;
}

export function emotionByStageInsight(rows: Dashboard["emotionByStage"]): Insight {
  const worst = lowest(rows, (r) => r.avg);
  if (!worst || worst.avg === null) return insight("emotionByStage.empty");
  return insight(worst.avg < 0 ? "emotionByStage.suffer" : "emotionByStage.lowest", { stage: worst.stage, avg: worst.avg });
}

export function curvesInsight(curves: Dashboard["curves"]): Insight {
  const withAvg = curves.curves
    .map((c) => {
      const rated = c.points.map((p) => p.emotion).filter((e): e is number => e !== null);
      return { curve: c, avg: rated.length ? rated.reduce((a, b) => a + b, 0) / rated.length : null };
    })
    .filter((c) => c.avg !== null) as { curve: Dashboard["curves"]["curves"][number]; avg: number }[];
  if (withAvg.length === 0) return insight("curves.empty");
  if (withAvg.length === 1) {
    const low = lowest(withAvg[0].curve.points, (p) => p.emotion)!;
    return insight("curves.single", { map: withAvg[0].curve.title, touchpoint: low.title, emotion: low.emotion! });
  }
  const sorted = [...withAvg].sort((a, b) => b.avg - a.avg);
  const better = sorted[0];
  const worse = sorted[sorted.length - 1];
  const diff = Math.round((better.avg - worse.avg) * 10) / 10;
  if (diff === 0) return insight("curves.equal", { count: withAvg.length });
  return insight("curves.compare", { better: better.curve.title, worse: worse.curve.title, diff });
}

export function worstTouchpointsInsight(rows: Dashboard["worstTouchpoints"]): Insight {
  const first = rows[0];
  if (!first) return insight("worstTouchpoints.empty");
  return insight(first.emotion! < 0 ? "worstTouchpoints.hurts" : "worstTouchpoints.lowest", {
    touchpoint: first.title, map: first.mapTitle, emotion: first.emotion!,
  });
}

export function momentsOfTruthInsight(m: Dashboard["momentsOfTruth"]): Insight {
  if (m.total === 0) return insight("momentsOfTruth.empty");
  if (m.atRisk.length === 0) return insight("momentsOfTruth.allGood", { total: m.total });
  return insight("momentsOfTruth.atRisk", { count: m.atRisk.length, total: m.total });
}

export function kpiInsight(k: Dashboard["kpiAttainment"]): Insight {
  if (k.total === 0) return insight("kpiAttainment.empty");
  const missed = k.total - k.onTarget;
  if (missed === 0) return insight("kpiAttainment.allOnTarget", { total: k.total });
  const worst = k.byDepartment[0];
  return insight("kpiAttainment.missed", { missed, total: k.total, department: worst.department, share: worst.share });
}

export function backlogInsight(b: Dashboard["backlog"]): Insight {
  if (b.totals.total === 0) return insight("backlog.empty");
  if (b.totals.open + b.totals.inProgress === 0) return insight("backlog.allDone", { done: b.totals.done });
  // Unfinished = open or in progress: who has the most work left.
  const top = [...b.rows].sort((x, y) => y.open + y.inProgress - (x.open + x.inProgress))[0];
  return insight("backlog.mostOpen", { department: top.department, open: top.open + top.inProgress, total: b.totals.open + b.totals.inProgress });
}

export function gapsInsight(g: Dashboard["gaps"]): Insight {
  if (g.total === 0) return insight("gaps.empty");
  const handover = g.handovers[0];
  if (handover) return insight("gaps.handover", { from: handover.from, to: handover.to, count: handover.open });
  return insight("gaps.kind", { kind: g.byKind[0].kind, count: g.byKind[0].open });
}

export function siloInsight(s: Dashboard["silo"]): Insight {
  const worst = lowest(
    [...s.cells].sort((a, b) => b.touchpoints - a.touchpoints),
    (c) => c.avgEmotion,
  );
  if (!worst || worst.avgEmotion === null) return s.cells.length ? insight("silo.unrated") : insight("silo.empty");
  return insight(worst.avgEmotion < 0 ? "silo.worstCell" : "silo.lowestCell", { department: worst.department, stage: worst.stage, avg: worst.avgEmotion });
}

export function freshnessInsight(f: Dashboard["freshness"]): Insight {
  if (f.maps === 0) return insight("freshness.empty");
  if (f.staleCount === 0) return insight("freshness.allFresh", { maps: f.maps });
  return insight("freshness.stale", { count: f.staleCount, maps: f.maps });
}

export function activityInsight(a: Dashboard["activity"]): Insight {
  if (a.recent.length === 0) return insight("activity.empty");
  const top = a.people[0];
  if (top && (top.name || top.email) && top.maps > 1) return insight("activity.mostActive", { name: (top.name || top.email)!, maps: top.maps });
  return insight("activity.latest", { name: a.recent[0].userName || a.recent[0].userEmail || "—", map: a.recent[0].title });
}
