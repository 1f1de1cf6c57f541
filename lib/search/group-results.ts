// The command palette's list: quick actions matching the query first, then search results grouped
// by kind in a fixed order (maps, touchpoints, personas, stakeholders, comments), each option with
// its place in the flat order the arrow keys walk through. Pure and browser-safe.
import type { SearchKind } from "./search-workspace";

export const GROUP_ORDER: readonly SearchKind[] = ["map", "touchpoint", "persona", "stakeholder", "comment"];

export type QuickAction = { id: string; label: string; href: string; keywords?: string[] };
export type PaletteResult = { kind: SearchKind; path: string };

export type PaletteOption<R extends PaletteResult> =
  | { type: "action"; index: number; action: QuickAction }
  | { type: "result"; index: number; result: R };
export type PaletteGroup<R extends PaletteResult> = { key: "actions" | SearchKind; options: PaletteOption<R>[] };

/** Whether a quick action fits the query: every word starts a word of its label or keywords. */
export function actionMatches(action: QuickAction, query: string): boolean {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [action.label, ...(action.keywords ?? [])].join(" ").toLocaleLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.every((w) => haystack.some((h) => h.startsWith(w)));
}

/** Groups for the listbox; `index` numbers every option in display order (0…n-1). */
export function groupPaletteOptions<R extends PaletteResult>(query: string, actions: QuickAction[], results: R[], maxPerGroup = 5): PaletteGroup<R>[] {
  const groups: PaletteGroup<R>[] = [];
  let index = 0;
  const matching = actions.filter((a) => actionMatches(a, query));
  if (matching.length) groups.push({ key: "actions", options: matching.map((action) => ({ type: "action", index: index++, action })) });
  for (const kind of GROUP_ORDER) {
    const ofKind = results.filter((r) => r.kind === kind).slice(0, maxPerGroup);
    if (ofKind.length) groups.push({ key: kind, options: ofKind.map((result) => ({ type: "result", index: index++, result })) });
  }
  return groups;
}

/** The option count (for wrapping the arrow keys). */
export function optionCount(groups: PaletteGroup<PaletteResult>[]): number {
  return groups.reduce((n, g) => n + g.options.length, 0);
}

/** The next active index for an arrow / Home / End key, wrapping around; -1 when there is nothing. */
export function moveActive(current: number, count: number, key: "ArrowDown" | "ArrowUp" | "Home" | "End"): number {
  if (count === 0) return -1;
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  if (current < 0) return key === "ArrowDown" ? 0 : count - 1;
  return key === "ArrowDown" ? (current + 1) % count : (current - 1 + count) % count;
}
