// Emotion and status colours for charts, from the theme's CSS variables (with fallbacks for contexts
// where the variable is not emitted). Shared by server- and client-rendered charts.
const EMOTION_COLORS: Record<number, string> = {
  [-3]: "var(--color-emotion-neg3, #7f1d1d)",
  [-2]: "var(--color-emotion-neg2, #b91c1c)",
  [-1]: "var(--color-emotion-neg1, #ef4444)",
  0: "var(--color-emotion-0, #868e9c)",
  1: "var(--color-emotion-pos1, #16a34a)",
  2: "var(--color-emotion-pos2, #15803d)",
  3: "var(--color-emotion-pos3, #166534)",
};

/** Red (−3) through grey (0) to green (+3); averages are rounded to the nearest step. */
export function emotionColor(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "var(--chart-grid, #e5e7eb)";
  return EMOTION_COLORS[Math.max(-3, Math.min(3, Math.round(value)))];
}

/** Share 0…1 on target: red below half, amber below 80 %, green from 80 %. */
export function shareColor(share: number): string {
  return share < 0.5 ? EMOTION_COLORS[-2] : share < 0.8 ? "var(--chart-2, #b45309)" : EMOTION_COLORS[2];
}

/** Text colour that stays readable on top of emotionColor(value). */
export function emotionTextColor(value: number | null | undefined): string {
  if (value === null || value === undefined) return "#334155";
  const step = Math.round(value);
  return step <= -2 || step >= 2 ? "#ffffff" : "#0f172a";
}
