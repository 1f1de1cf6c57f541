// The lanes a workspace template may keep (browser-safe: the save-as-template dialog lists them).
export const TEMPLATE_LANES = [
  "channel", "device", "department", "owner", "activity", "goal", "informationNeeded", "thoughts", "emotion",
  "momentOfTruth", "painPoints", "opportunities", "systems", "kpis", "evidence",
] as const;
export type TemplateLane = (typeof TEMPLATE_LANES)[number];
