import { describe, expect, it } from "vitest";
import { addJourneyKpi, addStage, addTouchpoint, createMapDocument, readMap, updateStageDetails, updateTouchpointMethod } from "@/lib/maps/map-document";
import { mapSearchEntries } from "./search-entries";

describe("what of a map is searchable", () => {
  it("a stage by its goal and central question, the journey KPIs, a touchpoint's time to the next one", () => {
    const doc = createMapDocument({ title: "Onboarding" });
    const stage = addStage(doc, "Onboarding");
    updateStageDetails(doc, stage, { goal: "First value within a week", centralQuestion: "Does the vendor keep its promise?" });
    const tp = addTouchpoint(doc, stage, undefined, { title: "Kick-off call" });
    updateTouchpointMethod(doc, tp, { timeToNext: "two days of silence" });
    addJourneyKpi(doc, { name: "Net Promoter Score", metric: "nps" });
    const entries = mapSearchEntries(readMap(doc));
    expect(entries.find((e) => e.itemId === `stage:${stage}`)?.body).toContain("Does the vendor keep its promise?");
    expect(entries.find((e) => e.itemId === `stage:${stage}`)?.body).toContain("First value within a week");
    expect(entries.find((e) => e.field === "journeyKpis")?.body).toContain("Net Promoter Score");
    expect(entries.find((e) => e.itemId === tp && e.field === "timeToNext")?.body).toBe("two days of silence");
  });
});
