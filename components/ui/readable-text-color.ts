// Text on a colour chosen by data (department, persona, person): white or slate-900, whichever
// contrasts more (WCAG relative luminance), so initials and name tags stay readable (AA) on any colour.

const DARK = "#0f172a";
const LIGHT = "#ffffff";

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of #rgb / #rrggbb; null for anything else (CSS variables, names). */
export function luminance(color: string): number | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color.trim());
  if (!m) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => channel(parseInt(hex.slice(i, i + 2), 16)));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two hex colours (1…21). */
export function contrastRatio(a: string, b: string): number {
  const [la, lb] = [luminance(a) ?? 0, luminance(b) ?? 0];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** White, slate-900 or black (mid-tone colours like #6366f1 reach 4.5:1 only with black) for text on `background`; white when the colour cannot be read. */
export function readableTextColor(background: string | null | undefined): string {
  if (!background || luminance(background) === null) return LIGHT;
  const candidates = [LIGHT, DARK, "#000000"];
  return candidates.find((c) => contrastRatio(background, c) >= 4.5) ?? candidates.reduce((a, b) => (contrastRatio(background, a) >= contrastRatio(background, b) ? a : b));
}
