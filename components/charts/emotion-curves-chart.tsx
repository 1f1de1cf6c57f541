"use client";
// Several emotion curves over a shared step axis, drawn as plain SVG: the dashboard's "curves side
// by side" card with 6 maps × 50 touchpoints was one Recharts chart of ~0.25 s on the main thread
// (several measuring passes, each re-rendering every dot); this draws once, after one width
// measurement. Same look as BaseChart (grid, axes, colours from the CSS variables); the legend is
// HTML, the table toggle of the card stays the text alternative.
import { memo, useLayoutEffect, useState } from "react";
import { emotionColor } from "./emotion-color";
import { useDeferredDraw } from "./defer";

export type CurveChartPoint = {
  step: number;
  emotion: number | null;
  momentOfTruth: boolean;
  /** Accessible name of the point ("Checkout: −2"). */
  label: string;
  /** Where a click on the point goes. */
  href: string;
  /** Shown in the tooltip. */
  title: string;
};

export type CurveChartSeries = {
  key: string;
  /** In the legend. */
  name: string;
  /** In the tooltip (defaults to `name`). */
  shortName?: string;
  color: string;
  isDashed: boolean;
  points: CurveChartPoint[];
};

export type EmotionCurvesChartProps = {
  series: CurveChartSeries[];
  /** Accessible name of the chart. */
  label: string;
  /** Height of the plot in px (the legend comes below it). */
  height?: number;
  stepLabel: (step: number) => string;
  emotionLabel: (value: number) => string;
  onOpen: (href: string) => void;
};

const TICKS = [-3, -2, -1, 0, 1, 2, 3];
const MARGIN = { top: 12, right: 16, bottom: 26, left: 40 };
const AXIS_TEXT = { fontSize: 12, fill: "var(--chart-axis)" } as const;

export function EmotionCurvesChart({ series, label, height = 250, stepLabel, emotionLabel, onOpen }: EmotionCurvesChartProps) {
  const { ref, isDrawn } = useDeferredDraw<HTMLDivElement>();
  const [width, setWidth] = useState(0);
  const [hover, setHover] = useState<{ step: number; x: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!isDrawn || !el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, [isDrawn, ref]);
  const steps = Math.max(0, ...series.map((s) => Math.max(0, ...s.points.map((p) => p.step))));
  const plotW = Math.max(0, width - MARGIN.left - MARGIN.right);
  const x = (step: number) => MARGIN.left + (steps <= 1 ? plotW / 2 : ((step - 1) / (steps - 1)) * plotW);
  const onMove = (e: React.MouseEvent<SVGSVGElement>) => {
    if (steps < 1 || plotW <= 0) return;
    const box = e.currentTarget.getBoundingClientRect();
    const step = steps <= 1 ? 1 : Math.round(((e.clientX - box.left - MARGIN.left) / plotW) * (steps - 1)) + 1;
    const clamped = Math.max(1, Math.min(steps, step));
    if (clamped !== hover?.step) setHover({ step: clamped, x: x(clamped) });
  };
  return (
    <figure role="group" aria-label={label} className="m-0 w-full">
      <div ref={ref} className="relative w-full" style={{ height }}>
        {isDrawn && width > 0 ? (
          <>
            <svg width={width} height={height} className="block overflow-visible" onMouseMove={onMove} onMouseLeave={() => setHover(null)}>
              <Plot series={series} width={width} height={height} steps={steps} stepLabel={stepLabel} emotionLabel={emotionLabel} onOpen={onOpen} />
              {hover ? <line x1={hover.x} x2={hover.x} y1={MARGIN.top} y2={height - MARGIN.bottom} stroke="var(--chart-axis)" strokeOpacity={0.4} pointerEvents="none" /> : null}
            </svg>
            {hover ? (
              <div
                role="presentation"
                className="pointer-events-none absolute top-2 z-10 max-w-xs rounded-md border border-slate-200 bg-white p-2 text-xs shadow-md"
                style={hover.x > width / 2 ? { right: width - hover.x + 12 } : { left: hover.x + 12 }}
              >
                <p className="mb-1 font-medium text-slate-900">{stepLabel(hover.step)}</p>
                {series.map((s) => {
                  const p = s.points.find((q) => q.step === hover.step);
                  return p ? (
                    <p key={s.key} className="flex items-center gap-1.5">
                      <span aria-hidden className="inline-block h-2 w-2 shrink-0 rounded-full" style={{ background: s.color }} />
                      <span className="text-slate-600">{s.shortName ?? s.name}:</span> <span className="font-medium">{p.title}</span> ({p.emotion === null ? "–" : emotionLabel(p.emotion)})
                    </p>
                  ) : null;
                })}
              </div>
            ) : null}
          </>
        ) : null}
      </div>
      <ul className="mt-1 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs text-slate-700">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <svg aria-hidden width={18} height={8} className="shrink-0">
              <line x1={1} x2={17} y1={4} y2={4} stroke={s.color} strokeWidth={2} strokeDasharray={s.isDashed ? "5 2" : undefined} />
            </svg>
            {s.name}
          </li>
        ))}
      </ul>
    </figure>
  );
}

type PlotProps = Pick<EmotionCurvesChartProps, "series" | "stepLabel" | "emotionLabel" | "onOpen"> & { width: number; height: number; steps: number };

/** Grid, axes, lines and points: drawn again only when the data or the width change (not on hover). */
const Plot = memo(function Plot({ series, width, height, steps, stepLabel, emotionLabel, onOpen }: PlotProps) {
  const plotW = Math.max(0, width - MARGIN.left - MARGIN.right);
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const x = (step: number) => MARGIN.left + (steps <= 1 ? plotW / 2 : ((step - 1) / (steps - 1)) * plotW);
  const y = (value: number) => MARGIN.top + ((3 - value) / 6) * plotH;
  // As many step labels as fit (first and last always), like Recharts' "preserveStartEnd".
  const xTicks: number[] = [];
  if (steps >= 1) {
    const labelWidth = 7 * Math.max(stepLabel(1).length, stepLabel(steps).length) + 12;
    const every = Math.max(1, Math.ceil((labelWidth * steps) / Math.max(1, plotW)));
    for (let s = 1; s <= steps; s += every) xTicks.push(s);
    if (xTicks[xTicks.length - 1] !== steps) {
      if (steps > 1 && x(steps) - x(xTicks[xTicks.length - 1]) < labelWidth) xTicks.pop();
      xTicks.push(steps);
    }
  }
  // One click handler for every point (the point carries its link in data-href).
  const onClick = (e: React.MouseEvent<SVGGElement>) => {
    const href = (e.target as Element).getAttribute("data-href");
    if (href) onOpen(href);
  };
  const bottom = height - MARGIN.bottom;
  return (
    <>
      <g aria-hidden>
        {TICKS.map((v) => (
          <g key={v}>
            <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(v)} y2={y(v)} stroke={v === 0 ? "var(--chart-axis)" : "var(--chart-grid)"} strokeDasharray={v === 0 ? undefined : "3 3"} />
            <text x={MARGIN.left - 6} y={y(v)} textAnchor="end" dominantBaseline="central" {...AXIS_TEXT}>{emotionLabel(v)}</text>
          </g>
        ))}
        <line x1={MARGIN.left} x2={width - MARGIN.right} y1={bottom} y2={bottom} stroke="var(--chart-grid)" />
        {xTicks.map((s) => (
          <text key={s} x={x(s)} y={bottom + 16} textAnchor={s === 1 && steps > 1 ? "start" : s === steps && steps > 1 ? "end" : "middle"} {...AXIS_TEXT}>{stepLabel(s)}</text>
        ))}
      </g>
      {series.map((s) => {
        // Gaps (unrated touchpoints) break the line, as in the map.
        let d = "";
        let isOpenPath = false;
        for (const p of s.points) {
          if (p.emotion === null) {
            isOpenPath = false;
            continue;
          }
          d += `${isOpenPath ? "L" : "M"}${x(p.step).toFixed(1)} ${y(p.emotion).toFixed(1)}`;
          isOpenPath = true;
        }
        return (
          <g key={s.key} onClick={onClick}>
            <path d={d} fill="none" stroke={s.color} strokeWidth={2} strokeDasharray={s.isDashed ? "6 3" : undefined} />
            {s.points.map((p) => {
              if (p.emotion === null) return null;
              const cx = x(p.step);
              const cy = y(p.emotion);
              const link = { role: "link", "aria-label": p.label, tabIndex: -1, className: "cursor-pointer", "data-href": p.href, fill: emotionColor(p.emotion), stroke: s.color, strokeWidth: 2 };
              return p.momentOfTruth ? (
                <rect key={p.step} {...link} x={cx - 5} y={cy - 5} width={10} height={10} transform={`rotate(45 ${cx} ${cy})`} />
              ) : (
                <circle key={p.step} {...link} cx={cx} cy={cy} r={4} />
              );
            })}
          </g>
        );
      })}
    </>
  );
});
