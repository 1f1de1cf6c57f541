// Emotion scale helpers (pure): colours from red (-3) through grey (0) to green (+3), the score
// under a pointer, the lowest point of the curve, keyboard input.

export const EMOTION_MIN = -3;
export const EMOTION_MAX = 3;
export const EMOTION_SCORES = [-3, -2, -1, 0, 1, 2, 3] as const;

const COLORS: Record<number, string> = {
  [-3]: "#7f1d1d",
  [-2]: "#b91c1c",
  [-1]: "#ef4444",
  0: "#868e9c",
  1: "#16a34a",
  2: "#15803d",
  3: "#166534",
};

/** The colour of a score (matches the emotion-* theme colours). */
export function emotionColor(score: number | null): string {
  if (score === null) return "#cbd5e1";
  return COLORS[Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, Math.round(score)))];
}

/** Message key suffix of a score ("neg3" … "pos3"). */
export function emotionKey(score: number): "neg3" | "neg2" | "neg1" | "zero" | "pos1" | "pos2" | "pos3" {
  return (["neg3", "neg2", "neg1", "zero", "pos1", "pos2", "pos3"] as const)[Math.round(score) + 3];
}

/** "+2", "0", "−1" (a real minus sign). */
export function formatScore(score: number): string {
  return score > 0 ? `+${score}` : score < 0 ? `\u2212${Math.abs(score)}` : "0";
}

/**
 * The score at vertical position `y` within a plot whose +3 line is at `top` and -3 line at
 * `bottom` (pixels), rounded to a whole score and clamped.
 */
export function scoreAtY(y: number, top: number, bottom: number): number {
  if (bottom <= top) return 0;
  const ratio = (y - top) / (bottom - top); // 0 at +3, 1 at -3
  const score = Math.round(EMOTION_MAX - ratio * (EMOTION_MAX - EMOTION_MIN));
  return Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, score));
}

/** The pixel position of a score within the plot. */
export function yOfScore(score: number, top: number, bottom: number): number {
  return top + ((EMOTION_MAX - score) / (EMOTION_MAX - EMOTION_MIN)) * (bottom - top);
}

/** Indexes of the lowest rated points (all of them when tied); empty when nothing is rated or all are ≥ 0. */
export function lowestPoints(scores: (number | null)[]): number[] {
  let min = Infinity;
  for (const s of scores) if (s !== null && s < min) min = s;
  if (min === Infinity || min >= 0) return [];
  const out: number[] = [];
  scores.forEach((s, i) => {
    if (s === min) out.push(i);
  });
  return out;
}

/**
 * Keyboard on a focused emotion cell: ↑/↓ step the score (an unrated point starts at 0),
 * digits set it (after "-" a negative one), Delete/Backspace clears it.
 * Returns the new score, `undefined` when the key is not an emotion key, and the pending sign.
 */
export function emotionFromKey(
  key: string,
  current: number | null,
  negativePending: boolean,
): { score: number | null | undefined; negativePending: boolean } {
  if (key === "ArrowUp") return { score: Math.min(EMOTION_MAX, (current ?? -1) + 1), negativePending: false };
  if (key === "ArrowDown") return { score: Math.max(EMOTION_MIN, (current ?? 1) - 1), negativePending: false };
  if (key === "-" || key === "Subtract") return { score: undefined, negativePending: true };
  if (key === "+") return { score: undefined, negativePending: false };
  if (/^[0-3]$/.test(key)) {
    const n = Number(key);
    return { score: negativePending ? -n : n, negativePending: false };
  }
  if (key === "Delete" || key === "Backspace") return { score: null, negativePending: false };
  return { score: undefined, negativePending };
}
