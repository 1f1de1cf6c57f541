import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("dashboard CSV", () => {
  it("uses commas and dots in English, semicolons and decimal commas in German, and quotes when needed", () => {
    const rows = [["Onboarding", -1.5, 4], ['Sign "up"; now', null, 0]];
    expect(toCsv(["Stage", "Average", "Touchpoints"], rows, "en")).toBe('Stage,Average,Touchpoints\r\nOnboarding,-1.5,4\r\n"Sign ""up""; now",,0');
    expect(toCsv(["Phase", "Durchschnitt", "Touchpoints"], rows, "de")).toBe('Phase;Durchschnitt;Touchpoints\r\nOnboarding;-1,5;4\r\n"Sign ""up""; now";;0');
  });
});
