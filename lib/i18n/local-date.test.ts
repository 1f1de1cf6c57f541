import { describe, expect, it } from "vitest";
import { datePattern, formatLocalDate, parseLocalDate } from "./local-date";

describe("calendar dates in the user's language", () => {
  it("follows the language's order", () => {
    expect(datePattern("de")).toEqual({ order: ["day", "month", "year"], separator: "." });
    expect(datePattern("en").order).toEqual(["month", "day", "year"]);
    expect(formatLocalDate("2026-11-22", "de")).toBe("22.11.2026");
    expect(formatLocalDate("2026-11-22", "en")).toBe("11/22/2026");
  });

  it("reads typed dates in that order, with any separator, and ISO dates", () => {
    expect(parseLocalDate("22.11.2026", "de")).toBe("2026-11-22");
    expect(parseLocalDate(" 1/2/2026 ", "de")).toBe("2026-02-01");
    expect(parseLocalDate("1/2/2026", "en")).toBe("2026-01-02");
    expect(parseLocalDate("2026-11-22", "en")).toBe("2026-11-22");
    expect(parseLocalDate(formatLocalDate("2024-02-29", "de"), "de")).toBe("2024-02-29");
  });

  it("refuses what is not a real date", () => {
    expect(parseLocalDate("31.02.2026", "de")).toBeNull();
    expect(parseLocalDate("22.11.26", "de")).toBeNull();
    expect(parseLocalDate("13/01/2026", "en")).toBeNull();
    expect(parseLocalDate("tomorrow", "en")).toBeNull();
    expect(parseLocalDate("", "en")).toBeNull();
  });
});
