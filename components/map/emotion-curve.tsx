"use client";
// The emotion curve lane: a Recharts line across the touchpoint columns (exactly one point per
// column centre), stages as alternating bands, the neutral line at 0, moments of truth as
// diamonds, the lowest point ringed. Only the columns on screen are drawn (the grid virtualises
// them). Input (click, drag, keyboard) is handled by the emotion cells on top of this layer.
import { memo } from "react";
import { useTranslations } from "next-intl";
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, XAxis, YAxis } from "recharts";
import { emotionColor, formatScore } from "@/components/emotion/emotion";
import type { Column, StageSpan } from "./layout";

/** Headroom above +3 and below -3 so that markers and labels are not clipped. */
export const EMOTION_DOMAIN = 3.8;

/** Pixel y of a score in a lane of `height` (the chart has no margins). */
export function emotionY(score: number, height: number) {
  return ((EMOTION_DOMAIN - score) / (2 * EMOTION_DOMAIN)) * height;
}

type Point = { x: number; y: number | null; id: string | null; mot: boolean; lowest: boolean; title: string };

type Props = {
  columns: Column[];
  spans: StageSpan[];
  first: number;
  last: number;
  columnWidth: number;
  height: number;
  lowest: ReadonlySet<string>;
  /** The lowest point that carries the "Lowest" label (the first one when several tie). */
  lowestLabelled: string | null;
};

export const EmotionCurve = memo(function EmotionCurve({ columns, spans, first, last, columnWidth, height, lowest, lowestLabelled }: Props) {
  const t = useTranslations("editor");
  if (last < first) return null;
  const data: Point[] = [];
  for (let i = first; i <= last; i++) {
    const col = columns[i];
    if (col.kind === "touchpoint") {
      const tp = col.touchpoint;
      data.push({ x: i + 0.5, y: tp.emotion, id: tp.id, mot: tp.momentOfTruth, lowest: lowest.has(tp.id), title: tp.title });
    } else {
      data.push({ x: i + 0.5, y: null, id: null, mot: false, lowest: false, title: "" });
    }
  }
  const width = (last - first + 1) * columnWidth;
  const visibleSpans = spans.filter((s) => s.last >= first && s.first <= last);
  const top = emotionY(3, height);
  const bottom = emotionY(-3, height);
  const gradientId = "emotion-stroke";
  return (
    <div className="pointer-events-none absolute" style={{ left: first * columnWidth, width, height }} aria-hidden data-testid="emotion-curve">
      {/* Decorative: the emotion cells below are the sliders; no keyboard stop inside aria-hidden. */}
      <LineChart width={width} height={height} data={data} margin={{ top: 0, right: 0, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <defs>
          <linearGradient id={gradientId} gradientUnits="userSpaceOnUse" x1="0" y1={top} x2="0" y2={bottom}>
            <stop offset="0%" stopColor={emotionColor(3)} />
            <stop offset="50%" stopColor={emotionColor(0)} />
            <stop offset="100%" stopColor={emotionColor(-3)} />
          </linearGradient>
        </defs>
        <XAxis type="number" dataKey="x" domain={[first, last + 1]} hide allowDataOverflow />
        <YAxis type="number" domain={[-EMOTION_DOMAIN, EMOTION_DOMAIN]} hide allowDataOverflow />
        {visibleSpans.map((s) => (
          <ReferenceArea
            key={s.stageId}
            x1={Math.max(s.first, first)}
            x2={Math.min(s.last, last) + 1}
            y1={-EMOTION_DOMAIN}
            y2={EMOTION_DOMAIN}
            fill={s.stageIndex % 2 ? "#f1f5f9" : "#ffffff"}
            fillOpacity={1}
            strokeOpacity={0}
            ifOverflow="hidden"
          />
        ))}
        <CartesianGrid horizontal vertical={false} stroke="var(--chart-grid)" strokeDasharray="2 4" />
        {visibleSpans.filter((s) => s.first > first).map((s) => (
          <ReferenceLine key={`sep-${s.stageId}`} x={s.first} stroke="#cbd5e1" />
        ))}
        <ReferenceLine y={0} stroke="#64748b" strokeDasharray="4 4" label={{ value: t("neutral"), position: "insideTopLeft", fontSize: 10, fill: "#64748b" }} />
        <Line
          type="monotone"
          dataKey="y"
          stroke={`url(#${gradientId})`}
          strokeWidth={3}
          connectNulls
          isAnimationActive={false}
          dot={(props: { cx?: number; cy?: number; payload?: Point; index?: number }) => (
            <EmotionDot key={props.payload?.id ?? props.index} {...props} lowestLabel={props.payload?.id === lowestLabelled ? t("lowestPoint") : null} motLabel={t("momentOfTruth")} />
          )}
          activeDot={false}
        />
      </LineChart>
    </div>
  );
});

function EmotionDot({ cx, cy, payload, lowestLabel, motLabel }: { cx?: number; cy?: number; payload?: Point; lowestLabel: string | null; motLabel: string }) {
  if (cx == null || cy == null || !payload || payload.y === null || payload.id === null) return <g />;
  const score = payload.y;
  const color = emotionColor(score);
  const labelY = score >= 0 ? cy + 24 : cy - 16;
  return (
    <g data-testid="emotion-point" data-touchpoint-id={payload.id} data-score={score} data-moment-of-truth={payload.mot || undefined} data-lowest={payload.lowest || undefined}>
      {payload.lowest ? <circle cx={cx} cy={cy} r={13} fill="none" stroke="#b91c1c" strokeWidth={2} strokeDasharray="3 2" /> : null}
      {payload.mot ? (
        <g>
          <title>{motLabel}</title>
          <rect x={cx - 8} y={cy - 8} width={16} height={16} transform={`rotate(45 ${cx} ${cy})`} fill={color} stroke="#0f172a" strokeWidth={2} />
        </g>
      ) : (
        <circle cx={cx} cy={cy} r={7} fill={color} stroke="#ffffff" strokeWidth={2} />
      )}
      <text x={cx} y={labelY} textAnchor="middle" fontSize={12} fontWeight={700} fill="#0f172a">
        {formatScore(score)}
      </text>
      {payload.lowest && lowestLabel ? (
        <text x={cx + 17} y={cy - 10} fontSize={10} fontWeight={600} fill="#b91c1c">
          {lowestLabel}
        </text>
      ) : null}
    </g>
  );
}
