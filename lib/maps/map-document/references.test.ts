// Departments and owners by id: read defaults, edits, lazy migration of old documents, renames,
// export/import round trip, and two docs editing concurrently.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addOpportunity, addStage, addTouchpoint, applyExport, createMapDocument, keepKnownReferences, parseMapExport, readMap, resolveReferences,
  setTouchpointDepartment, setTouchpointOwner, toExport, updateTouchpointField,
} from "./index";

const dir = {
  departments: [{ id: "d-sales", name: "Sales" }, { id: "d-cs", name: "Customer Service" }],
  members: [{ userId: "u-ada", name: "Ada Lovelace" }, { userId: "u-ben", name: "Ben" }],
};

function oldDoc() {
  const doc = createMapDocument({ title: "Old" });
  const s = addStage(doc, "S");
  const a = addTouchpoint(doc, s, undefined, { title: "a", department: "sales", owner: "ada lovelace" })!;
  const b = addTouchpoint(doc, s, undefined, { title: "b", department: "Legal", owner: "Someone else" })!;
  addOpportunity(doc, a, { text: "Call back", department: "customer service" });
  return { doc, a, b };
}

describe("department and owner references", () => {
  it("read as null in documents written before issue 13", () => {
    const { doc } = oldDoc();
    const map = readMap(doc);
    expect(map.touchpoints.map((t) => [t.departmentId, t.ownerId])).toEqual([[null, null], [null, null]]);
    expect(map.touchpoints[0].opportunities[0].departmentId).toBeNull();
  });

  it("migrate on load: names are matched to departments and members case-insensitively", () => {
    const { doc } = oldDoc();
    const map = resolveReferences(readMap(doc), dir);
    expect(map.touchpoints[0]).toMatchObject({ departmentId: "d-sales", department: "Sales", ownerId: "u-ada", owner: "Ada Lovelace" });
    expect(map.touchpoints[0].opportunities[0]).toMatchObject({ departmentId: "d-cs", department: "Customer Service" });
    // Unknown names stay free text.
    expect(map.touchpoints[1]).toMatchObject({ departmentId: null, department: "Legal", ownerId: null, owner: "Someone else" });
  });

  it("show a renamed department's current name, and return the same object when nothing changes", () => {
    const { doc, a } = oldDoc();
    setTouchpointDepartment(doc, a, { id: "d-sales", name: "Sales" });
    const renamed = { ...dir, departments: [{ id: "d-sales", name: "Sales & Partners" }, dir.departments[1]] };
    expect(resolveReferences(readMap(doc), renamed).touchpoints[0]).toMatchObject({ departmentId: "d-sales", department: "Sales & Partners" });
    const resolved = resolveReferences(readMap(doc), dir);
    expect(resolveReferences(resolved, dir)).toBe(resolved);
  });

  it("drop an id whose department was deleted, keeping the name as free text", () => {
    const { doc, a } = oldDoc();
    setTouchpointDepartment(doc, a, { id: "d-gone", name: "Old team" });
    expect(resolveReferences(readMap(doc), dir).touchpoints[0]).toMatchObject({ departmentId: null, department: "Old team" });
  });

  it("edits set the id with the display string; free text clears the id", () => {
    const { doc, a } = oldDoc();
    setTouchpointOwner(doc, a, { id: "u-ben", name: "Ben" });
    setTouchpointDepartment(doc, a, { id: "d-cs", name: "Customer Service" });
    expect(readMap(doc).touchpoints[0]).toMatchObject({ owner: "Ben", ownerId: "u-ben", department: "Customer Service", departmentId: "d-cs" });
    setTouchpointOwner(doc, a, { id: null, name: "An agency" });
    expect(readMap(doc).touchpoints[0]).toMatchObject({ owner: "An agency", ownerId: null });
  });

  it("round-trip through the export format; old exports without ids still import", () => {
    const { doc, a } = oldDoc();
    setTouchpointDepartment(doc, a, { id: "d-sales", name: "Sales" });
    setTouchpointOwner(doc, a, { id: "u-ada", name: "Ada Lovelace" });
    const exported = JSON.parse(JSON.stringify(toExport(doc, "m1")));
    expect(exported.touchpoints[0]).toMatchObject({ departmentId: "d-sales", ownerId: "u-ada" });
    const copy = new Y.Doc();
    applyExport(copy, parseMapExport(exported));
    expect(readMap(copy).touchpoints[0]).toMatchObject({ departmentId: "d-sales", ownerId: "u-ada" });
    for (const t of exported.touchpoints) {
      delete t.departmentId;
      delete t.ownerId;
      for (const o of t.opportunityDetails) delete o.departmentId;
    }
    const old = new Y.Doc();
    applyExport(old, parseMapExport(exported));
    expect(readMap(old).touchpoints[0]).toMatchObject({ department: "Sales", departmentId: null, ownerId: null });
  });

  it("import keeps only ids of the target workspace", () => {
    const parsed = parseMapExport({
      format: "journeyboard.map/v1", title: "T", stages: [{ id: "s", name: "S" }],
      touchpoints: [{ stageId: "s", department: "Sales", departmentId: "d-foreign", ownerId: "u-ada", opportunityDetails: [{ text: "x", departmentId: "d-sales" }] }],
    });
    const [t] = keepKnownReferences(parsed.touchpoints, { departmentIds: new Set(["d-sales"]), memberIds: new Set(["u-ada"]) });
    expect(t).toMatchObject({ departmentId: null, ownerId: "u-ada", department: "Sales" });
    expect(t.opportunityDetails![0].departmentId).toBe("d-sales");
  });

  it("two docs editing the same touchpoint converge (last writer wins on id and name together)", () => {
    const { doc, a } = oldDoc();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    setTouchpointDepartment(doc, a, { id: "d-sales", name: "Sales" });
    setTouchpointDepartment(other, a, { id: "d-cs", name: "Customer Service" });
    updateTouchpointField(other, a, "title", "edited");
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const x = readMap(doc).touchpoints[0];
    const y = readMap(other).touchpoints[0];
    expect(x).toEqual(y);
    // Resolution re-derives the name from the id, so a split decision cannot show a mismatched pair.
    const r = resolveReferences(readMap(doc), dir).touchpoints[0];
    expect(dir.departments.find((d) => d.id === r.departmentId)?.name).toBe(r.department);
  });
});
