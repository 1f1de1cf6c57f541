import { describe, expect, it } from "vitest";
import { actionMatches, groupPaletteOptions, moveActive, optionCount, type QuickAction } from "./group-results";

const actions: QuickAction[] = [
  { id: "maps", label: "Go to journey maps", href: "/w/a/maps" },
  { id: "personas", label: "Go to personas", href: "/w/a/personas" },
  { id: "new-map", label: "Create a map", href: "/w/a/maps?new=1", keywords: ["new"] },
];
const r = (kind: "map" | "touchpoint" | "persona" | "stakeholder" | "comment", path: string) => ({ kind, path });

describe("palette grouping", () => {
  it("matches actions by word prefixes of label and keywords", () => {
    expect(actionMatches(actions[0], "")).toBe(true);
    expect(actionMatches(actions[0], "jour")).toBe(true);
    expect(actionMatches(actions[0], "go maps")).toBe(true);
    expect(actionMatches(actions[0], "ourney")).toBe(false);
    expect(actionMatches(actions[2], "new")).toBe(true);
  });

  it("puts matching actions first, then results by kind in a fixed order, numbering options in display order", () => {
    const results = [r("comment", "/c"), r("touchpoint", "/t1"), r("map", "/m"), r("touchpoint", "/t2"), r("persona", "/p")];
    const groups = groupPaletteOptions("go", actions, results);
    expect(groups.map((g) => g.key)).toEqual(["actions", "map", "touchpoint", "persona", "comment"]);
    expect(groups[0].options.map((o) => (o.type === "action" ? o.action.id : ""))).toEqual(["maps", "personas"]);
    expect(groups.flatMap((g) => g.options.map((o) => o.index))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(groups[2].options.map((o) => (o.type === "result" ? o.result.path : ""))).toEqual(["/t1", "/t2"]);
    expect(optionCount(groups)).toBe(7);
  });

  it("caps each group and leaves out empty groups", () => {
    const many = Array.from({ length: 9 }, (_, i) => r("touchpoint", `/t${i}`));
    const groups = groupPaletteOptions("zzz", actions, many, 5);
    expect(groups.map((g) => g.key)).toEqual(["touchpoint"]);
    expect(groups[0].options).toHaveLength(5);
  });

  it("moves the active option with wrapping", () => {
    expect(moveActive(-1, 3, "ArrowDown")).toBe(0);
    expect(moveActive(-1, 3, "ArrowUp")).toBe(2);
    expect(moveActive(2, 3, "ArrowDown")).toBe(0);
    expect(moveActive(0, 3, "ArrowUp")).toBe(2);
    expect(moveActive(1, 3, "Home")).toBe(0);
    expect(moveActive(1, 3, "End")).toBe(2);
    expect(moveActive(0, 0, "ArrowDown")).toBe(-1);
  });
});
