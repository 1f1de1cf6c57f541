// Method (issue 13, part A): the additions to `journeyboard.map/v1`. All optional on import, so old
// exports keep importing; toExport always writes them.
//   stage:      goal, centralQuestion, duration, kpis [{name, target, actual, unit, higherIsBetter}]
//   touchpoint: momentOfTruthKind ("wow"|"frustration"|null), priority ("high"|"medium"|"low"|null),
//               superfluous (boolean), timeToNext (string),
//               painPointDetails [{text, severity, frequency, owner, status}] (wins over painPoints)
//   opportunityDetails[]: impact (1–5|null), effort (1–5|null), dueDate ("YYYY-MM-DD"|null)
//   evidence[]: date ("YYYY-MM-DD"|null), link (http/https URL or "")
import { z } from "zod";
import { MAP_LIMITS, MOMENT_OF_TRUTH_KINDS, PAIN_FREQUENCIES, PAIN_STATUSES, TOUCHPOINT_PRIORITIES } from "./types";
import type { MomentOfTruthKind } from "./types";
import { isHttpLink, isIsoDate, legacyMomentOfTruthKind } from "./method-model";

const L = MAP_LIMITS;
const zShort = (max: number = L.shortTextLength) => z.string().max(max, `at most ${max} characters`);
const zLong = () => z.string().max(L.longTextLength, `at most ${L.longTextLength} characters`);
const zRating = (max: number) =>
  z.number().int("must be a whole number").min(1, `must be between 1 and ${max}`).max(max, `must be between 1 and ${max}`).nullable().optional();
const zDate = z.string().refine(isIsoDate, "must be a date as YYYY-MM-DD").nullable().optional();

export const ZStageKpiExport = z.object({
  name: zShort().trim().min(1, "must not be empty"),
  target: z.number().nullable().optional().default(null),
  actual: z.number().nullable().optional().default(null),
  unit: zShort().optional().default(""),
  higherIsBetter: z.boolean().optional().default(true),
});

/** Fields added to each stage of the export. */
// Optional without defaults (on import and in the parsed type), so code that builds a MapExport by
// hand keeps compiling; applyExport fills the defaults.
export const ZStageMethodExport = z.object({
  goal: zLong().optional(),
  centralQuestion: zLong().optional(),
  duration: zShort().optional(),
  kpis: z.array(ZStageKpiExport).max(L.listItems, `at most ${L.listItems} items`).optional(),
});

export const ZPainPointDetail = z.object({
  text: zLong(),
  severity: zRating(3),
  frequency: z.enum(PAIN_FREQUENCIES).nullable().optional(),
  owner: zShort().optional(),
  status: z.enum(PAIN_STATUSES).optional(),
});

/** Fields added to each touchpoint of the export. */
export const ZTouchpointMethodExport = z.object({
  /** Absent (old exports): derived from `momentOfTruth` and the emotion, see resolveMomentOfTruthKind. */
  momentOfTruthKind: z.enum(MOMENT_OF_TRUTH_KINDS).nullable().optional(),
  priority: z.enum(TOUCHPOINT_PRIORITIES).nullable().optional(),
  superfluous: z.boolean().optional(),
  timeToNext: zShort().optional(),
  painPointDetails: z.array(ZPainPointDetail).max(L.listItems, `at most ${L.listItems} items`).optional(),
});

/** Fields added to each item of `opportunityDetails` (and object items of `opportunities`). */
export const ZOpportunityRatingExport = z.object({ impact: zRating(5), effort: zRating(5), dueDate: zDate });

/** Fields added to each evidence item. */
export const ZEvidenceDetailsExport = z.object({
  date: zDate,
  link: z
    .string()
    .max(2000, "at most 2000 characters")
    .refine((v) => v === "" || isHttpLink(v), "must be an http:// or https:// link")
    .optional(),
});

/**
 * The kind of an imported touchpoint: `momentOfTruthKind` when the export names one; otherwise (old
 * exports, or a client that only knows the boolean) `momentOfTruth: true` reads as the kind the
 * emotion suggests, like old documents do.
 */
export function resolveMomentOfTruthKind(t: { momentOfTruthKind?: MomentOfTruthKind | null; momentOfTruth: boolean; emotion: number | null }): MomentOfTruthKind | null {
  if (t.momentOfTruthKind) return t.momentOfTruthKind;
  return t.momentOfTruth ? legacyMomentOfTruthKind(t.emotion) : null;
}
