// A tiny emotion curve for lists and cards (maps list, persona sheet, home). Plain SVG so it renders on
// the server and costs nothing in long lists; the curve's colour is backed by a text summary for
// screen readers, and moments of truth are not needed at this size.
import { emotionColor } from "./emotion-color";

export type EmotionSparklineProps = {
  /** Emotion per touchpoint in journey order (−3…+3; null = not rated). */
  values: (number | null)[];
  width?: number;
  height?: number;
  /** Accessible description, e.g. "Emotion curve: from +2 down to −3". Defaults to the values. */
  label?: string;
  className?: string;
};

export function EmotionSparkline({ values, width = 96, height = 28, label, className = "" }: EmotionSparklineProps) {
  const pad = 3;
  const n = values.length;
  const x = (i: number) => (n <= 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (n - 1));
  const y = (v: number) => pad + ((3 - v) * (height - 2 * pad)) / 6;
  // Unrated touchpoints break the line rather than pretending a value.
  const segments: { x: number; y: number; v: number }[][] = [];
  let current: { x: number; y: number; v: number }[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length) segments.push(current);
      current = [];
    } else current.push({ x: x(i), y: y(v), v });
  });
  if (current.length) segments.push(current);
  const rated = values.filter((v): v is number => v !== null);
  const avg = rated.length ? rated.reduce((a, b) => a + b, 0) / rated.length : null;
  const text = label ?? (rated.length ? values.map((v) => (v === null ? "–" : v > 0 ? `+${v}` : String(v))).join(", ") : "–");
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={text} className={className} data-testid="emotion-sparkline">
      <title>{text}</title>
      <line x1={pad} x2={width - pad} y1={y(0)} y2={y(0)} stroke="var(--chart-grid, #e5e7eb)" strokeDasharray="2 2" />
      {segments.map((seg, i) =>
        seg.length === 1 ? (
          <circle key={i} cx={seg[0].x} cy={seg[0].y} r={1.8} fill={emotionColor(seg[0].v)} />
        ) : (
          <polyline key={i} points={seg.map((p) => `${p.x},${p.y}`).join(" ")} fill="none" stroke={emotionColor(avg)} strokeWidth={1.75} strokeLinejoin="round" strokeLinecap="round" />
        ),
      )}
      {segments.flat().map((p, i) => (p.v <= -2 ? <circle key={`low-${i}`} cx={p.x} cy={p.y} r={1.8} fill={emotionColor(p.v)} /> : null))}
    </svg>
  );
}
