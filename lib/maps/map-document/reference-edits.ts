// Edits of the id references (issue 13, "vocab"): a department or owner is always set together
// with its display string, in one transaction, so readers without the directory still show a name.
import type * as Y from "yjs";
import { touchpointMap } from "./y-model";
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
