// The stakeholder map PDF: one A3 page with every stakeholder's name and relationship label as text.
import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { ZStakeholdersExport } from "@/lib/stakeholders/stakeholder-document";
import { renderStakeholderPdf } from "./stakeholder-pdf";

describe("stakeholder map PDF", () => {
  it("draws the rings, stakeholders and labelled relationships as text and vectors", async () => {
    const data = ZStakeholdersExport.parse({
      format: "journeyboard.stakeholders/v1",
      title: "Acme Ökosystem",
      stakeholders: [
        { id: "s1", name: "Support team", type: "team", ring: "direct", angle: 30, influence: 3 },
        { id: "s2", name: "Payment provider", type: "partner", ring: "environment", angle: 200, influence: -2 },
      ],
      relationships: [{ id: "r1", from: "s1", to: "customer", provides: "service", label: "answers tickets" }],
    });
    const pdf = await renderStakeholderPdf({ ...data, stakeholders: data.stakeholders.map((s) => ({ ...s, department: s.department ?? null })) }, { locale: "en", author: "Ada", generatedAt: new Date("2026-11-30T12:00:00Z") });
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    expect(doc.numPages).toBe(1);
    const { text } = await extractText(doc, { mergePages: true });
    for (const s of ["Acme Ökosystem", "Support team", "Payment provider", "answers tickets", "Customer"]) expect(text).toContain(s);
  });
});
