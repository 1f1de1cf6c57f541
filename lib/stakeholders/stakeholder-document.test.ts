import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addRelationship,
  addStakeholder,
  applyStakeholdersExport,
  createStakeholderDoc,
  moveStakeholder,
  readStakeholderMap,
  removeStakeholder,
  setStakeholderText,
  toStakeholdersExport,
  updateRelationship,
  updateStakeholder,
  ZStakeholdersExport,
} from "./stakeholder-document";

const MAP = {
  format: "journeyboard.stakeholders/v1",
  title: "Acme service ecosystem",
  stakeholders: [
    { id: "cs", name: "Customer Service", type: "department", department: "Customer Service", description: "First-line support", ring: "direct", angle: 30, influence: 2 },
    { id: "it", name: "IT", type: "department", department: "IT", description: "", ring: "indirect", angle: 200, influence: -1 },
    { id: "crm", name: "CRM", type: "system", description: "Salesforce", ring: "indirect", angle: 90, influence: 1 },
    { id: "bank", name: "Payment provider", type: "partner", description: "", ring: "environment", angle: 300, influence: 0 },
  ],
  relationships: [
    { id: "r1", from: "cs", to: "customer", provides: "service", label: "Answers tickets", direction: "one-way" },
    { id: "r2", from: "customer", to: "bank", provides: "money", label: "Pays invoices", direction: "one-way" },
    { id: "r3", from: "crm", to: "cs", provides: "information", label: "Customer history", direction: "both" },
  ],
};

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe("stakeholder document", () => {
  it("round-trips the export format", () => {
    const doc = createStakeholderDoc(MAP);
    const exported = toStakeholdersExport(doc, "m1");
    expect(exported.title).toBe(MAP.title);
    expect(exported.id).toBe("m1");
    expect(exported.stakeholders.map((s) => s.id)).toEqual(["cs", "crm", "it", "bank"]); // by ring, then angle
    expect(exported.stakeholders.find((s) => s.id === "crm")).toEqual({ ...MAP.stakeholders[2], department: null });
    expect(exported.relationships).toHaveLength(3);
    expect(ZStakeholdersExport.parse(exported)).toEqual(exported);
    const again = createStakeholderDoc(exported);
    expect(readStakeholderMap(again)).toEqual(readStakeholderMap(doc));
  });

  it("rejects a relationship to a missing stakeholder with a clear error and changes nothing", () => {
    const doc = createStakeholderDoc(MAP);
    const before = Y.encodeStateAsUpdate(doc);
    const bad = { ...MAP, relationships: [...MAP.relationships, { id: "r9", from: "cs", to: "legal", provides: "trust" }] };
    const result = ZStakeholdersExport.safeParse(bad);
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0];
    expect(issue.path).toEqual(["relationships", 3, "to"]);
    expect(issue.message).toBe('relationship "r9" points to stakeholder "legal", which does not exist on this map');
    expect(() => applyStakeholdersExport(doc, bad)).toThrow(/legal/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it("rejects other bad input", () => {
    const cases: [unknown, string][] = [
      [{ ...MAP, stakeholders: [...MAP.stakeholders, { ...MAP.stakeholders[0] }] }, "stakeholders.4.id"],
      [{ ...MAP, stakeholders: [{ ...MAP.stakeholders[0], influence: 5 }] , relationships: [] }, "stakeholders.0.influence"],
      [{ ...MAP, stakeholders: [{ ...MAP.stakeholders[0], ring: "outer" }], relationships: [] }, "stakeholders.0.ring"],
      [{ ...MAP, stakeholders: [{ ...MAP.stakeholders[0], name: "n".repeat(81) }], relationships: [] }, "stakeholders.0.name"],
      [{ ...MAP, stakeholders: [{ ...MAP.stakeholders[0], id: "customer" }], relationships: [] }, "stakeholders.0.id"],
      [{ ...MAP, relationships: [{ id: "x", from: "cs", to: "cs", provides: "trust" }] }, "relationships.0.to"],
      [{ ...MAP, relationships: [{ id: "x", from: "cs", to: "it", provides: "love" }] }, "relationships.0.provides"],
      [{ ...MAP, stakeholders: Array.from({ length: 101 }, (_, i) => ({ id: `s${i}`, name: `S${i}`, type: "team", ring: "direct" })), relationships: [] }, "stakeholders"],
    ];
    for (const [input, path] of cases) {
      const result = ZStakeholdersExport.safeParse(input);
      expect(result.success, path).toBe(false);
      expect(result.error!.issues.map((i) => i.path.join("."))).toContain(path);
    }
  });

  it("edits stakeholders and relationships", () => {
    const doc = createStakeholderDoc({ format: "journeyboard.stakeholders/v1", title: "Map" });
    const sales = addStakeholder(doc, { name: "Sales", type: "department", ring: "direct", angle: 370, influence: 9 });
    const crm = addStakeholder(doc, { name: "CRM", type: "system" });
    expect(() => addRelationship(doc, { from: sales, to: "nobody", provides: "trust" })).toThrow(/does not exist/);
    const rel = addRelationship(doc, { from: crm, to: sales, provides: "information", label: "Leads" });
    addRelationship(doc, { from: sales, to: "customer", provides: "product" });
    updateRelationship(doc, rel, { direction: "both", label: "Qualified leads", reverse: true });
    moveStakeholder(doc, crm, "environment", -90);
    setStakeholderText(doc, sales, "description", "Account executives");
    updateStakeholder(doc, crm, { type: "department", department: "IT" });
    let data = readStakeholderMap(doc);
    const s = data.stakeholders.find((x) => x.id === sales)!;
    expect(s.angle).toBe(10);
    expect(s.influence).toBe(3);
    expect(s.department).toBe("Sales");
    expect(s.description).toBe("Account executives");
    const c = data.stakeholders.find((x) => x.id === crm)!;
    expect([c.ring, c.angle, c.department]).toEqual(["environment", 270, "IT"]);
    expect(data.relationships.find((r) => r.id === rel)).toMatchObject({ from: sales, to: crm, direction: "both", label: "Qualified leads" });
    removeStakeholder(doc, sales);
    data = readStakeholderMap(doc);
    expect(data.stakeholders.map((x) => x.id)).toEqual([crm]);
    expect(data.relationships).toEqual([]);
  });

  it("merges concurrent moves and hides relationships whose stakeholder was removed concurrently", () => {
    const a = createStakeholderDoc(MAP);
    const b = new Y.Doc();
    sync(a, b);
    moveStakeholder(a, "cs", "indirect", 45);
    moveStakeholder(b, "it", "direct", 120);
    removeStakeholder(a, "crm");
    addRelationship(b, { id: "late", from: "crm", to: "it", provides: "information" });
    sync(a, b);
    const da = readStakeholderMap(a);
    expect(da).toEqual(readStakeholderMap(b));
    expect(da.stakeholders.find((s) => s.id === "cs")).toMatchObject({ ring: "indirect", angle: 45 });
    expect(da.stakeholders.find((s) => s.id === "it")).toMatchObject({ ring: "direct", angle: 120 });
    expect(da.relationships.map((r) => r.id)).not.toContain("late");
    expect(ZStakeholdersExport.safeParse(toStakeholdersExport(a)).success).toBe(true);
  });
});
