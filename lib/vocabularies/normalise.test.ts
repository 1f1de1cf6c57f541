import { describe, expect, it } from "vitest";
import { addStage, addTouchpoint, computeGaps, createMapDocument, readMap } from "@/lib/maps/map-document";
import { canonicalTerm, createVocabularyNormaliser, type VocabularyTermLike } from "./normalise";

const terms: VocabularyTermLike[] = [
  { kind: "channel", term: "Website", synonyms: ["Web", "Homepage"] },
  { kind: "channel", term: "E-mail", synonyms: ["Email", "Mail"] },
  { kind: "device", term: "Smartphone", synonyms: ["Mobile", "Handy"] },
  // A synonym equal to another term's name: the term wins.
  { kind: "channel", term: "Mail", synonyms: [] },
];

describe("createVocabularyNormaliser", () => {
  const n = createVocabularyNormaliser(terms);
  it("maps synonyms to the term, case- and space-insensitively", () => {
    expect(n("channel", "Web")).toBe("website");
    expect(n("channel", "  HOMEPAGE ")).toBe("website");
    expect(n("channel", "Website")).toBe("website");
    expect(n("device", "handy")).toBe("smartphone");
  });
  it("keeps kinds apart, passes unknown values and departments through", () => {
    expect(n("device", "Web")).toBe("web");
    expect(n("channel", "Fax")).toBe("fax");
    expect(n("department", "Sales")).toBe("Sales");
  });
  it("lets a term win over another term's synonym", () => {
    expect(n("channel", "Mail")).toBe("mail");
  });
  it("finds the canonical term for display", () => {
    expect(canonicalTerm(terms, "channel", "homepage")).toBe("Website");
    expect(canonicalTerm(terms, "channel", "Fax")).toBeNull();
    expect(canonicalTerm(terms, "channel", "")).toBeNull();
  });
});

describe("computeGaps with a vocabulary", () => {
  function map() {
    const doc = createMapDocument({ title: "T" });
    const s = addStage(doc, "S");
    addTouchpoint(doc, s, undefined, { title: "a", channel: "Web", device: "Mobile" });
    addTouchpoint(doc, s, undefined, { title: "b", channel: "Website", device: "Smartphone" });
    addTouchpoint(doc, s, undefined, { title: "c", channel: "E-mail", device: "smartphone" });
    return readMap(doc);
  }
  it("raises no gap between synonyms, but does between different terms", () => {
    const withVocabulary = computeGaps(map(), createVocabularyNormaliser(terms));
    expect(withVocabulary.map((g) => `${g.kind}:${g.fromValue}>${g.toValue}`)).toEqual(["channel:Website>E-mail"]);
  });
  it("without a vocabulary, synonyms are gaps (the old behaviour)", () => {
    const plain = computeGaps(map());
    expect(plain.map((g) => `${g.kind}:${g.fromValue}>${g.toValue}`)).toEqual(["channel:Web>Website", "device:Mobile>Smartphone", "channel:Website>E-mail"]);
  });
});
