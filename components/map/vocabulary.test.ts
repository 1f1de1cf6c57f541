import { describe, expect, it } from "vitest";
import { addStage, addTouchpoint, computeGaps, createMapDocument, readMap } from "@/lib/maps/map-document";
import { buildEditorVocabulary, departmentEdit, ownerEdit } from "./vocabulary";

describe("editor vocabulary", () => {
  it("suggests the workspace's terms, or the built-in ones in the page language while it has none", () => {
    const own = buildEditorVocabulary([{ kind: "channel", term: "Portal", synonyms: ["Web"] }], "de");
    expect(own.channel).toEqual(["Portal"]);
    expect(own.device).toContain("Smartphone");
    expect(buildEditorVocabulary([], "de").channel).toContain("Telefon");
    expect(buildEditorVocabulary([], "en").channel).toContain("Phone");
    expect(own.normalise("channel", "web")).toBe("portal");
  });

  it("sets departments and owners by id when they name a department or a member, else as free text", () => {
    const doc = createMapDocument({ title: "T" });
    const s = addStage(doc, "S");
    const tp = addTouchpoint(doc, s)!;
    const departments = [{ id: "d1", name: "Sales" }];
    const members = [{ userId: "u1", name: "Ada" }, { userId: "u2", name: "Sam" }, { userId: "u3", name: "Sam" }];
    departmentEdit(departments, tp, "sales")(doc);
    ownerEdit(members, tp, "ada")(doc);
    expect(readMap(doc).touchpoints[0]).toMatchObject({ department: "Sales", departmentId: "d1", owner: "Ada", ownerId: "u1" });
    departmentEdit(departments, tp, "Agency")(doc);
    ownerEdit(members, tp, "Sam")(doc); // two members named Sam: no id
    expect(readMap(doc).touchpoints[0]).toMatchObject({ department: "Agency", departmentId: null, owner: "Sam", ownerId: null });
  });

  it("gap markers in the editor compare through the vocabulary", () => {
    const doc = createMapDocument({ title: "T" });
    const s = addStage(doc, "S");
    addTouchpoint(doc, s, undefined, { channel: "Web" });
    addTouchpoint(doc, s, undefined, { channel: "Website" });
    const v = buildEditorVocabulary([{ kind: "channel", term: "Website", synonyms: ["Web"] }], "en");
    expect(computeGaps(readMap(doc), v.normalise)).toEqual([]);
    expect(computeGaps(readMap(doc))).toHaveLength(1);
  });
});
