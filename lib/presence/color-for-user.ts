// A stable presence colour per user where no department colour applies (personas, stakeholder
// maps). Shared by the browser (own presence) and the sync service (which stamps it on awareness).

const PALETTE = ["#6366f1", "#db2777", "#ea580c", "#0891b2", "#16a34a", "#7c3aed", "#ca8a04", "#dc2626"];

/** A stable colour per user id. */
export function colorForUser(id: string): string {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PALETTE[h % PALETTE.length];
}
