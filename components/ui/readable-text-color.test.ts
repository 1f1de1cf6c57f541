import { describe, expect, it } from "vitest";
import { contrastRatio, readableTextColor } from "./readable-text-color";
import { emotionColor } from "@/components/emotion/emotion";
import { emotionTextColor } from "@/components/charts/emotion-color";

describe("readableTextColor", () => {
  it("reaches AA (4.5:1) on every demo department and persona colour", () => {
    for (const bg of ["#db2777", "#ea580c", "#0891b2", "#7c3aed", "#475569", "#16a34a", "#ca8a04", "#1d4ed8", "#f59e0b", "#86efac", "#6366f1", "#a855f7", "#000000", "#ffffff"]) {
      expect(contrastRatio(bg, readableTextColor(bg)), bg).toBeGreaterThanOrEqual(4.5);
    }
  });
  it("keeps white for values it cannot read", () => {
    expect(readableTextColor("var(--x)")).toBe("#ffffff");
    expect(readableTextColor(null)).toBe("#ffffff");
  });
});

describe("emotion palette", () => {
  it("has AA text on every step and 3:1 against white for every step", () => {
    for (const score of [-3, -2, -1, 0, 1, 2, 3]) {
      expect(contrastRatio(emotionColor(score), emotionTextColor(score)), String(score)).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(emotionColor(score), "#ffffff"), String(score)).toBeGreaterThanOrEqual(3);
    }
  });
});
