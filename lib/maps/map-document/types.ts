import type { JourneyKpi } from "./curves";
// ---------------------------------------------------------------------------------------------
// Types (plain data, as read from the document)

export type MapState = "current" | "future";
export type GapKind = "channel" | "device" | "department";
export type OpportunityStatus = "open" | "in_progress" | "done";
export type EvidenceKind = "quantitative" | "qualitative";

export const MAP_STATES = ["current", "future"] as const satisfies readonly MapState[];
export const GAP_KINDS = ["channel", "device", "department"] as const satisfies readonly GapKind[];
export const OPPORTUNITY_STATUSES = ["open", "in_progress", "done"] as const satisfies readonly OpportunityStatus[];
export const EVIDENCE_KINDS = ["quantitative", "qualitative"] as const satisfies readonly EvidenceKind[];

/** Collaborative text fields of a touchpoint (each a Y.Text; bind editors with getTouchpointText). */
export const TOUCHPOINT_TEXT_FIELDS = ["title", "activity", "goal", "informationNeeded", "thoughts"] as const;
export type TouchpointTextField = (typeof TOUCHPOINT_TEXT_FIELDS)[number];
/** Short single-value fields of a touchpoint (plain strings, last writer wins). */
export const TOUCHPOINT_SCALAR_FIELDS = ["channel", "device", "department", "owner"] as const;
export type TouchpointScalarField = (typeof TOUCHPOINT_SCALAR_FIELDS)[number];
export type TouchpointField = TouchpointTextField | TouchpointScalarField;

export type Kpi = {
  id: string;
  name: string;
  target: number | null;
  actual: number | null;
  unit: string;
  /** Whether a higher actual is better (conversion rate) or a lower one (response time). */
  higherIsBetter: boolean;
};
export type Evidence = { id: string; kind: EvidenceKind; text: string; source: string } & EvidenceDetails;
export type Opportunity = { id: string; text: string; owner: string; department: string; status: OpportunityStatus } & OpportunityRating;
export type PainPoint = { id: string; text: string } & PainPointDetails;
export type Lane = { id: string; name: string };
export type GapNote = { fromTouchpointId: string; toTouchpointId: string; kind: GapKind; handled: boolean; note: string };

export type Touchpoint = {
  id: string;
  stageId: string;
  title: string;
  channel: string;
  device: string;
  department: string;
  /** Responsible person. */
  owner: string;
  activity: string;
  goal: string;
  informationNeeded: string;
  thoughts: string;
  /** -3 (very negative) … +3 (very positive); null = not rated yet. */
  emotion: number | null;
  momentOfTruth: boolean;
  painPoints: PainPoint[];
  systems: string[];
  opportunities: Opportunity[];
  kpis: Kpi[];
  evidence: Evidence[];
  /** Values of the custom lanes, by lane id (missing = empty). */
  laneValues: Record<string, string>;
  /** Emotion per linked persona (-3…3), by persona id; missing = not rated for that persona (curves.ts). */
  personaEmotions: Record<string, number>;
} & TouchpointMethod;

export type Stage = { id: string; name: string; touchpointIds: string[] } & StageDetails;

export type MapData = {
  title: string;
  outcome: string;
  state: MapState;
  cyclic: boolean;
  personaIds: string[];
  stages: Stage[];
  /** Every touchpoint in journey order: by stage order, then by order within the stage. */
  touchpoints: Touchpoint[];
  lanes: Lane[];
  gapNotes: GapNote[];
  /** Journey-level outcomes (CSAT, NPS, …) with targets (curves.ts). */
  journeyKpis: JourneyKpi[];
};

export type Gap = {
  fromTouchpointId: string;
  toTouchpointId: string;
  kind: GapKind;
  fromValue: string;
  toValue: string;
  handled: boolean;
  note: string;
};

/** Plain input for new touchpoints (templates, addTouchpoint, import). */
export type TouchpointInput = Partial<{
  title: string;
  channel: string;
  device: string;
  department: string;
  owner: string;
  activity: string;
  goal: string;
  informationNeeded: string;
  thoughts: string;
  emotion: number | null;
  momentOfTruth: boolean;
  /** Strings, or objects with the method details (severity, frequency, owner, status). */
  painPoints: (string | PainPointInput)[];
  systems: string[];
  opportunities: OpportunityInput[];
  kpis: KpiInput[];
  evidence: EvidenceInput[];
  laneValues: Record<string, string>;
  personaEmotions: Record<string, number | null>;
}> &
  Partial<TouchpointMethod>;
export type KpiInput = { name: string; target?: number | null; actual?: number | null; unit?: string; higherIsBetter?: boolean };
export type EvidenceInput = { kind: EvidenceKind; text: string; source?: string } & Partial<EvidenceDetails>;
export type OpportunityInput = { text: string; owner?: string; department?: string; status?: OpportunityStatus } & Partial<OpportunityRating>;
export type PainPointInput = { text: string } & Partial<PainPointDetails>;

// ---------------------------------------------------------------------------------------------
// Method (issue 13, part A): stages with substance, sharper touchpoints. Every field is optional in
// old documents and exports and read with the defaults below (see method.ts).

export type MomentOfTruthKind = "wow" | "frustration";
export type PainFrequency = "rare" | "sometimes" | "often";
export type PainStatus = "open" | "in_progress" | "resolved";
export type TouchpointPriority = "high" | "medium" | "low";
export type PainSeverity = 1 | 2 | 3;
export const MOMENT_OF_TRUTH_KINDS = ["wow", "frustration"] as const satisfies readonly MomentOfTruthKind[];
export const PAIN_FREQUENCIES = ["rare", "sometimes", "often"] as const satisfies readonly PainFrequency[];
export const PAIN_STATUSES = ["open", "in_progress", "resolved"] as const satisfies readonly PainStatus[];
export const TOUCHPOINT_PRIORITIES = ["high", "medium", "low"] as const satisfies readonly TouchpointPriority[];

/** A stage's substance: what it is for, the one question it answers, how long it usually takes, its KPIs. */
export type StageDetails = { goal: string; centralQuestion: string; duration: string; kpis: Kpi[] };
/** defaults: severity null (not rated), frequency null, owner "", status "open". */
export type PainPointDetails = { severity: number | null; frequency: PainFrequency | null; owner: string; status: PainStatus };
/** impact and effort 1…5 (null = not rated); dueDate "YYYY-MM-DD" or null. */
export type OpportunityRating = { impact: number | null; effort: number | null; dueDate: string | null };
/** date "YYYY-MM-DD" or null; link an http(s) URL or "". */
export type EvidenceDetails = { date: string | null; link: string };
export type TouchpointMethod = {
  /** null = no moment of truth; `momentOfTruth` is always `momentOfTruthKind !== null`. */
  momentOfTruthKind: MomentOfTruthKind | null;
  priority: TouchpointPriority | null;
  /** "Is this touchpoint superfluous?" — a candidate for removal. */
  superfluous: boolean;
  /** Free text: time until the next touchpoint ("2 days"). */
  timeToNext: string;
};

/** Caps enforced on import and on adding; the editor can show them. */
export const MAP_LIMITS = {
  // 5,000: a workshop spreadsheet of that size imports as one map (issue 11); ~3 MB of Yjs state.
  touchpoints: 5000,
  stages: 200,
  lanes: 50,
  personas: 50,
  /** Items per list on one touchpoint (pain points, systems, opportunities, KPIs, evidence). */
  listItems: 100,
  titleLength: 300,
  shortTextLength: 200,
  longTextLength: 10_000,
} as const;

export const SCHEMA_VERSION = 1;

export class MapDocumentError extends Error {
  constructor(public readonly code: "touchpoint_limit" | "stage_limit" | "lane_limit" | "list_limit" | "not_found") {
    super(code);
  }
}
