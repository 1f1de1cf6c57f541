// A tiny emotion curve for list rows and cards: -3…+3 across the touchpoints, the neutral line,
// and the lowest point marked. Plain SVG (dozens per page; no chart library needed). Unrated
// touchpoints break the line. The accessible name carries the numbers (colour is never alone).
type Props = { curve: (number | null)[]; label: string; width?: number; height?: number; className?: string };

const COLORS: Record<string, string> = {
  "-3": "var(--color-emotion-neg3)", "-2": "var(--color-emotion-neg2)", "-1": "var(--color-emotion-neg1)",
  "0": "var(--color-emotion-0)", "1": "var(--color-emotion-pos1)", "2": "var(--color-emotion-pos2)", "3": "var(--color-emotion-pos3)",
};

export function EmotionSparkline({ curve, label, width = 120, height = 32, className = "" }: Props) {
  const pad = 3;
  const n = curve.length;
  const x = (i: number) => (n <= 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (n - 1));
  const y = (e: number) => pad + ((3 - e) * (height - 2 * pad)) / 6;
  const segments: string[] = [];
  let current: string[] = [];
  curve.forEach((e, i) => {
    if (e === null) {
      if (current.length) segments.push(current.join(" "));
      current = [];
    } else current.push(`${x(i).toFixed(1)},${y(e).toFixed(1)}`);
  });
  if (current.length) segments.push(current.join(" "));
  const rated = curve.map((e, i) => ({ e, i })).filter((p): p is { e: number; i: number } => p.e !== null);
  const lowest = rated.length ? rated.reduce((a, b) => (b.e < a.e ? b : a)) : null;
  return (
    <svg role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`} className={`overflow-visible ${className}`}>
      <title>{label}</title>
      <line x1={0} x2={width} y1={y(0)} y2={y(0)} stroke="var(--chart-grid, #e2e8f0)" strokeDasharray="2 2" />
      {segments.map((points, i) =>
        points.includes(" ") ? (
          <polyline key={i} points={points} fill="none" stroke="var(--chart-1, #4f46e5)" strokeWidth={1.75} strokeLinejoin="round" strokeLinecap="round" />
        ) : null,
      )}
      {rated.map((p) => (
        <circle key={p.i} cx={x(p.i)} cy={y(p.e)} r={lowest && p.i === lowest.i ? 3 : 1.6} fill={COLORS[String(p.e)]} stroke={lowest && p.i === lowest.i ? "white" : "none"} strokeWidth={1} />
      ))}
    </svg>
  );
}

/** The label for a curve: count, average and lowest point as numbers. */
export function describeCurve(curve: (number | null)[], t: (key: string, values?: Record<string, string | number>) => string, formatNumber: (n: number) => string): string {
  const rated = curve.filter((e): e is number => e !== null);
  if (rated.length === 0) return t("emotion.none");
  const average = rated.reduce((a, b) => a + b, 0) / rated.length;
  return t("emotion.summary", { count: curve.length, average: formatNumber(average), lowest: Math.min(...rated) });
}
