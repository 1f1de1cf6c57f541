// Small Yjs helpers shared by the persona and stakeholder document modules (browser-safe).
import * as Y from "yjs";

/**
 * Makes `text` equal `value` with the smallest edit (common prefix and suffix kept), so that a
 * controlled input bound to a Y.Text merges with concurrent edits elsewhere in the same text
 * instead of overwriting them.
 */
export function setText(text: Y.Text, value: string): void {
  const current = text.toString();
  if (current === value) return;
  let start = 0;
  const max = Math.min(current.length, value.length);
  while (start < max && current.charCodeAt(start) === value.charCodeAt(start)) start++;
  let endCurrent = current.length;
  let endValue = value.length;
  while (endCurrent > start && endValue > start && current.charCodeAt(endCurrent - 1) === value.charCodeAt(endValue - 1)) {
    endCurrent--;
    endValue--;
  }
  // Never split a surrogate pair.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
  if (endCurrent < current.length && isLowSurrogate(current.charCodeAt(endCurrent))) {
    endCurrent++;
    endValue++;
  }
  const doc = text.doc;
  const apply = () => {
    if (endCurrent > start) text.delete(start, endCurrent - start);
    if (endValue > start) text.insert(start, value.slice(start, endValue));
  };
  if (doc) doc.transact(apply);
  else apply();
}

function isHighSurrogate(code: number) {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number) {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A Y.Text holding `value`. */
export function textOf(value: string): Y.Text {
  const text = new Y.Text();
  if (value) text.insert(0, value);
  return text;
}

/** Reads a Y.Text or plain string entry of a map as a string ("" when missing). */
export function readString(map: Y.Map<unknown>, key: string): string {
  const value = map.get(key);
  if (value instanceof Y.Text) return value.toString();
  return typeof value === "string" ? value : "";
}

/** A short random id for list entries (stakeholders, relationships). */
export function newId(prefix: string): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return `${prefix}_${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}
