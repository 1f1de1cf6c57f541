import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { escapeCsvFormula, toCsv } from "./to-csv";

describe("toCsv", () => {
  it("defuses every formula start in text cells and headers (=, +, -, @, tab, CR)", () => {
    const hostile = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"];
    const csv = toCsv(["=title", "n"], hostile.map((h) => [h, 1]));
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(["'=title", "n"]);
    expect(parsed.slice(1).map((r) => r[0])).toEqual(hostile.map((h) => `'${h}`));
    // Quoted on the wire, so the apostrophe cannot be separated from the text by a lenient reader.
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
  });

  it("keeps numbers (negative ones too) and harmless text as they are", () => {
    expect(toCsv(["a", "b", "c"], [[-1.5, "Sign-up", "a=b"]])).toBe("a,b,c\r\n-1.5,Sign-up,a=b");
    expect(toCsv(["a"], [[-1.5]], { delimiter: ";", decimalComma: true })).toBe("a\r\n-1,5");
    expect(toCsv(["a"], [[-Infinity]])).toBe(`a\r\n"'-Infinity"`);
    expect(toCsv(["a", "b"], [[null, undefined]])).toBe("a,b\r\n,");
  });

  it("escapeCsvFormula leaves safe text alone", () => {
    expect(escapeCsvFormula("Onboarding")).toBe("Onboarding");
    expect(escapeCsvFormula(" =1")).toBe(" =1");
    expect(escapeCsvFormula("=1")).toBe("'=1");
  });
});
