// Edits of the id references (issue 13, "vocab"): a department or owner is always set together
// with its display string, in one transaction, so readers without the directory still show a name.
import * as Y from "yjs";
import { root, touchpointMap } from "./y-model";
import { writeRefs } from "./references";

/** Sets a touchpoint's owner department: a workspace department (id + name) or free text (id null). */
export function setTouchpointDepartment(doc: Y.Doc, touchpointId: string, department: { id: string | null; name: string }): boolean {
  const tp = touchpointMap(doc, touchpointId);
  if (!tp) return false;
  doc.transact(() => {
    if (tp.get("department") !== department.name) tp.set("department", department.name);
    writeRefs(tp, { departmentId: department.id }, ["departmentId"]);
  });
  return true;
}

/** Sets a touchpoint's owner: a member (user id + name, can be notified) or free text (id null). */
export function setTouchpointOwner(doc: Y.Doc, touchpointId: string, owner: { id: string | null; name: string }): boolean {
  const tp = touchpointMap(doc, touchpointId);
  if (!tp) return false;
  doc.transact(() => {
    if (tp.get("owner") !== owner.name) tp.set("owner", owner.name);
    writeRefs(tp, { ownerId: owner.id }, ["ownerId"]);
  });
  return true;
}

/**
 * A department was renamed: touchpoints and opportunities that reference it by id, or (old
 * documents) name it by its old name without an id, get the id and the new name. Returns how many
 * entries changed (0: nothing written).
 */
export function renameDepartmentInDocument(doc: Y.Doc, department: { id: string; from: string; to: string }): number {
  const from = department.from.trim().toLocaleLowerCase();
  let changed = 0;
  const visit = (m: Y.Map<unknown>) => {
    const id = m.get("departmentId");
    const name = typeof m.get("department") === "string" ? (m.get("department") as string) : "";
    const matches = id === department.id || (!id && name.trim().toLocaleLowerCase() === from);
    if (!matches || (id === department.id && name === department.to)) return;
    m.set("department", department.to);
    m.set("departmentId", department.id);
    changed++;
  };
  doc.transact(() => {
    for (const tp of root.touchpoints(doc).values()) {
      if (!(tp instanceof Y.Map)) continue;
      visit(tp);
      const opps = tp.get("opportunities");
      if (opps instanceof Y.Array) for (const o of opps) if (o instanceof Y.Map) visit(o);
    }
  });
  return changed;
}
