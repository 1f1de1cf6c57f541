import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { diffText, transformIndex, type TextDelta } from "./text-diff";

function apply(before: string, change: ReturnType<typeof diffText>) {
  if (!change) return before;
  return before.slice(0, change.index) + change.insert + before.slice(change.index + change.remove);
}

describe("diffText", () => {
  it("returns null when nothing changed", () => {
    expect(diffText("abc", "abc")).toBeNull();
  });
  it("finds an insertion, a deletion and a replacement", () => {
    expect(diffText("hello world", "hello big world")).toEqual({ index: 6, remove: 0, insert: "big " });
    expect(diffText("hello big world", "hello world")).toEqual({ index: 6, remove: 4, insert: "" });
    expect(diffText("hello world", "hello there")).toEqual({ index: 6, remove: 5, insert: "there" });
  });
  it("places an ambiguous insertion at the caret", () => {
    // typed "a" at position 1 of "aa": the naive prefix scan would say index 2
    expect(diffText("aa", "aaa", 1)).toEqual({ index: 0, remove: 0, insert: "a" });
    expect(diffText("aa", "aaa", 3)).toEqual({ index: 2, remove: 0, insert: "a" });
  });
  it("always reproduces the new text", () => {
    const cases: Array<[string, string, number?]> = [
      ["", "x"], ["x", ""], ["abcabc", "abcXabc", 4], ["aaaa", "aaaaaa", 2], ["😀b", "😃b"], ["a😀", "a"],
    ];
    for (const [before, after, caret] of cases) expect(apply(before, diffText(before, after, caret))).toBe(after);
  });
  it("never splits a surrogate pair", () => {
    const change = diffText("😀", "😃")!;
    expect(change.index).toBe(0);
    expect(change.remove).toBe(2);
  });
});

describe("transformIndex", () => {
  it("shifts a caret behind remote insertions and deletions before it", () => {
    expect(transformIndex(5, [{ insert: "abc" }])).toBe(8);
    expect(transformIndex(5, [{ retain: 2 }, { delete: 2 }])).toBe(3);
    expect(transformIndex(5, [{ retain: 3 }, { delete: 5 }])).toBe(3);
  });
  it("keeps a caret before changes after it", () => {
    expect(transformIndex(2, [{ retain: 4 }, { insert: "zz" }])).toBe(2);
    expect(transformIndex(2, [{ retain: 2 }, { insert: "zz" }])).toBe(2);
  });
  it("two people typing in one Y.Text both keep their words", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText("t").insert(0, "The checkout is slow");
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const ta = a.getText("t");
    const tb = b.getText("t");
    // a types " and confusing" at the end, b types "very " before "slow", concurrently
    const ca = diffText(ta.toString(), "The checkout is slow and confusing", 34)!;
    ta.insert(ca.index, ca.insert);
    const cb = diffText(tb.toString(), "The checkout is very slow", 21)!;
    tb.insert(cb.index, cb.insert);
    let delta: TextDelta = [];
    ta.observe((event) => { delta = event.delta as TextDelta; });
    const caretA = 34;
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(ta.toString()).toBe("The checkout is very slow and confusing");
    expect(tb.toString()).toBe(ta.toString());
    // a's caret stays at the end of their own words
    expect(transformIndex(caretA, delta)).toBe(ta.toString().length);
  });
});
