import type * as Y from "yjs";
import { z } from "zod";
import { setIfChanged, touchpointMap } from "./y-model";
import type { YMapAny } from "./y-model";

// ---------------------------------------------------------------------------------------------
// Current ⇄ future pair (issue 13, part C). A touchpoint of a future-state map may derive from a
// touchpoint of its current-state map (`sourceTouchpointId`) and carries how far it is
// (`futureStatus`). Both are plain values on the touchpoint Y.Map, optional in old documents and
// exports (read as null).
//
//   TOUCHPOINT Y.Map: sourceTouchpointId (string | null), futureStatus ("idea"|"planned"|"in_progress"|"live" | null)

export const FUTURE_STATUSES = ["idea", "planned", "in_progress", "live"] as const;
export type FutureStatus = (typeof FUTURE_STATUSES)[number];

export type TouchpointPairFields = {
  /** The touchpoint of the paired current-state map this future touchpoint derives from; null = none (new). */
  sourceTouchpointId: string | null;
  /** How far a future touchpoint is; null = not set (always null on current maps unless set by hand or import). */
  futureStatus: FutureStatus | null;
};

export type TouchpointPairInput = Partial<TouchpointPairFields>;

const MAX_ID = 100;

function readSourceId(v: unknown): string | null {
  return typeof v === "string" && v.length > 0 && v.length <= MAX_ID ? v : null;
}

function readStatus(v: unknown): FutureStatus | null {
  return typeof v === "string" && (FUTURE_STATUSES as readonly string[]).includes(v) ? (v as FutureStatus) : null;
}

/** The pair fields of a touchpoint Y.Map, with defaults for documents written before they existed. */
export function readPairFields(tp: YMapAny): TouchpointPairFields {
  return { sourceTouchpointId: readSourceId(tp.get("sourceTouchpointId")), futureStatus: readStatus(tp.get("futureStatus")) };
}

/** Writes the given pair fields (only those present in `input`; only when they differ). */
export function writePairFields(tp: YMapAny, input: TouchpointPairInput): void {
  // A new touchpoint map (not yet in a document) cannot be read from: just set.
  const put = (key: string, value: unknown) => (tp.doc ? setIfChanged(tp, key, value) : tp.set(key, value));
  if (input.sourceTouchpointId !== undefined) put("sourceTouchpointId", readSourceId(input.sourceTouchpointId));
  if (input.futureStatus !== undefined) put("futureStatus", readStatus(input.futureStatus));
}

/** Sets (or clears with null) the status of a future touchpoint. */
export function setFutureStatus(doc: Y.Doc, touchpointId: string, status: FutureStatus | null): boolean {
  const tp = touchpointMap(doc, touchpointId);
  if (!tp) return false;
  doc.transact(() => setIfChanged(tp, "futureStatus", readStatus(status)));
  return true;
}

/** Links a future touchpoint to a touchpoint of the current map (null unlinks). */
export function setSourceTouchpointId(doc: Y.Doc, touchpointId: string, sourceTouchpointId: string | null): boolean {
  const tp = touchpointMap(doc, touchpointId);
  if (!tp) return false;
  doc.transact(() => setIfChanged(tp, "sourceTouchpointId", readSourceId(sourceTouchpointId)));
  return true;
}

/** Export/import block (`journeyboard.map/v1`, additive): both optional, default null. */
export const ZTouchpointPairExport = z.object({
  sourceTouchpointId: z.string().trim().min(1).max(MAX_ID, `at most ${MAX_ID} characters`).nullable().optional().default(null),
  futureStatus: z.enum(FUTURE_STATUSES).nullable().optional().default(null),
});
