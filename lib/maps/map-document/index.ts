// The one module that owns the schema of a journey map's Yjs document (`map:{id}`).
// The editor UI, the server-side relational projection, templates, the demo seed and the REST API
// all read and change maps through these functions; nothing else touches the Y types directly.
// Browser-safe: imports only yjs and zod. The schema is documented in docs/map-document.md.
//
// Layout of the document (top-level shared types are addressed by name, so two clients that
// create them concurrently always get the same type — no lost first keystrokes):
//
//   doc.getText("title")            Y.Text   map title (collaborative)
//   doc.getText("outcome")          Y.Text   expected outcome (collaborative)
//   doc.getMap("meta")              Y.Map    { schema: 1, state: "current"|"future", cyclic: boolean }
//   doc.getArray("personaIds")      Y.Array<string>            linked personas (set semantics on read)
//   doc.getMap("stages")            Y.Map<id, Y.Map>           { id, name: Y.Text }
//   doc.getArray("stageOrder")      Y.Array<string>            stage ids in journey order
//   doc.getMap("touchpoints")       Y.Map<id, Y.Map>           see TOUCHPOINT below
//   doc.getArray("touchpointOrder") Y.Array<string>            touchpoint ids in journey order
//   doc.getArray("lanes")           Y.Array<Y.Map>             custom text lanes { id, name }
//   doc.getMap("gapNotes")          Y.Map<gapKey, {handled, note}>  "kind|fromId|toId" → note
//   doc.getArray("journeyKpis")     Y.Array<Y.Map>             journey outcomes (curves.ts)
//
//   TOUCHPOINT Y.Map: id, stageId (string), title/activity/goal/informationNeeded/thoughts (Y.Text),
//     channel/device/department/owner (string), emotion (-3…3 | null), momentOfTruth (boolean),
//     painPoints Y.Array<Y.Map{id, text: Y.Text}>, systems Y.Array<string>,
//     opportunities Y.Array<Y.Map{id, text: Y.Text, owner, department, status}>,
//     kpis Y.Array<Y.Map{id, name, target, actual, unit, higherIsBetter}>,
//     evidence Y.Array<Y.Map{id, kind, text: Y.Text, source}>, lanes Y.Map<laneId, Y.Text>,
//     personaEmotions Y.Map<personaId, -3…3> (optional; curves.ts).
//
// Why entities live in a Y.Map keyed by id and the order in a separate Y.Array of ids:
// moving an element of a Y.Array means deleting it and inserting a copy. If touchpoints themselves
// sat in the array, a move would re-create the touchpoint, and whatever a colleague typed into the
// old copy at the same moment would be lost. With the entity fixed in a Y.Map, a move only deletes
// and re-inserts its id string (plus a last-writer-wins `stageId`), while all text edits keep going
// to the same Y.Text. Two concurrent moves of the same touchpoint can leave its id twice in the
// order array; every reader keeps the first occurrence, and because all peers converge to the same
// array they all see the same single position. A touchpoint belongs to exactly one stage (its
// `stageId`), so concurrent moves to different stages can never duplicate it. One global order
// array (instead of one per stage) keeps "move to another stage" a single id re-insert.
// A fractional index would avoid duplicates but lets concurrent inserts at the same spot tie and
// needs rebalancing; the id array has neither problem.
//
// Files: types.ts (plain data types, limits), y-model.ts (the Y types and their constructors; internal),
// read.ts (document → plain data, Y.Text accessors), edits.ts (map, stages, touchpoints, lanes, gaps),
// touchpoint-lists.ts (pain points, KPIs, evidence, opportunities, systems), figures.ts (gaps and
// emotion summary), export.ts (the `journeyboard.map/v1` format). Only this index is imported from outside.
export * from "./types";
export { newId, setText } from "./y-model";
export {
  readMap,
  readTouchpoint,
  getTitleText,
  getOutcomeText,
  getStageNameText,
  getTouchpointText,
  getLaneText,
  getPainPointText,
  getOpportunityText,
  getEvidenceText,
} from "./read";
export * from "./edits";
export * from "./touchpoint-lists";
export * from "./figures";
export * from "./export";
export * from "./method";
export * from "./curves";
