// Pure helpers for binding a plain textarea to a Y.Text: turn "old value → new value" into one
// delete + insert (using the caret to place ambiguous edits), and carry a caret or selection
// through a remote Y.Text delta so that the local user's cursor stays where their words are.

export type TextChange = { index: number; remove: number; insert: string };

/**
 * The smallest single splice that turns `before` into `after`.
 * `caret` (the selection end after the edit) disambiguates repeated characters: typing "a" in
 * "aa|" inserts at the caret, not at the first position a naive prefix scan would pick.
 */
export function diffText(before: string, after: string, caret?: number): TextChange | null {
  if (before === after) return null;
  const maxPrefix = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < maxPrefix && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  const maxSuffix = Math.min(before.length, after.length) - prefix;
  while (
    suffix < maxSuffix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) suffix++;
  // An insertion ends at the caret: if the scan ran past it, shift the common prefix back so
  // the inserted text ends exactly at the caret (same text either way, the right position).
  if (caret !== undefined && after.length > before.length) {
    const inserted = after.length - before.length;
    const start = caret - inserted;
    if (start >= 0 && start < prefix && after.slice(start, caret) !== "" &&
        before.slice(0, start) === after.slice(0, start) && before.slice(start) === after.slice(caret)) {
      return { index: start, remove: 0, insert: after.slice(start, caret) };
    }
  }
  // Never split a UTF-16 surrogate pair.
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return {
    index: prefix,
    remove: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  };
}

function isHighSurrogate(code: number) {
  return code >= 0xd800 && code <= 0xdbff;
}
function isLowSurrogate(code: number) {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** A Yjs text delta (as in `YTextEvent.delta`). */
export type TextDelta = Array<{ insert?: unknown; delete?: number; retain?: number }>;

/**
 * Where `index` (in the text before the change) ends up after someone else's `delta`.
 * Text inserted exactly at the caret stays after it, so the local user keeps typing where they were.
 */
export function transformIndex(index: number, delta: TextDelta): number {
  let oldPos = 0; // position in the text before the change
  let shift = 0;
  for (const op of delta) {
    if (oldPos > index) break;
    if (op.retain !== undefined) {
      oldPos += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === "string" ? op.insert.length : 1;
      if (oldPos < index) shift += length;
    } else if (op.delete !== undefined) {
      if (oldPos < index) shift -= Math.min(op.delete, index - oldPos);
      oldPos += op.delete;
    }
  }
  return index + shift;
}
