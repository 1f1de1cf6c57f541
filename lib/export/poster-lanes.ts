// The built-in lanes a poster can show, in the editor's order (no dependencies: the export dialog
// in the browser imports it too).
export const POSTER_LANES = [
  "channel", "device", "activity", "goal", "informationNeeded", "thoughts", "emotion", "painPoints",
  "opportunities", "department", "systems", "kpis", "evidence",
] as const;
export type PosterLaneKey = (typeof POSTER_LANES)[number] | `lane:${string}`;
