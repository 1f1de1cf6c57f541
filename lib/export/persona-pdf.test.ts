// The persona one-pager: one page, every filled section's text present and selectable.
import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { ZPersonaExport } from "@/lib/personas/persona-document";
import { renderPersonaPdf } from "./persona-pdf";

describe("persona PDF", () => {
  it("is one page with the persona's texts in the chosen language", async () => {
    const { format: _f, id: _i, ...persona } = ZPersonaExport.parse({
      format: "journeyboard.persona/v1",
      name: "Ines Hartmann",
      segment: "IT admin",
      quote: "I need it to work with our SSO.",
      demographics: { age: "38", location: "Köln" },
      goals: ["Fewer tickets"],
      painPoints: ["Manual user provisioning"],
      channels: ["E-mail", "LinkedIn"],
      evidence: { note: "Interviews 1–5", date: "2026-03-14" },
    });
    const pdf = await renderPersonaPdf(persona, { locale: "de", author: "Ada", generatedAt: new Date("2026-11-30T12:00:00Z") });
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    expect(doc.numPages).toBe(1);
    const { text } = await extractText(doc, { mergePages: true });
    for (const s of ["Ines Hartmann", "IT admin", "Köln", "Fewer tickets", "Manual user provisioning", "LinkedIn", "Interviews 1–5", "Demografie"]) expect(text).toContain(s);
  });
});
