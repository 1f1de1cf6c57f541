"use client";
// The map grid in read-only mode around any Y.Doc: a saved version (history "View"), or the live
// document of a share link. Same layout as the editor (stage band, lanes, curve, gap markers), no
// editing, no presence. `hideNames` blanks person names (touchpoint and opportunity owners) for
// share links whose creator did not allow member names.
import { useCallback, useMemo, useRef, useState } from "react";
import type * as Y from "yjs";
import type { MapData } from "@/lib/maps/map-document";
import { EditorContext, type EditorContextValue } from "./editor-context";
import { BASE_COLUMN_WIDTH, buildColumns, clampZoom, layoutLanes, stageSpans, zoomToFit, type LaneKey } from "./layout";
import { MapGrid, type ActiveCell } from "./map-grid";
import { useMapData } from "./editor/use-map-data";
import { buildEditorVocabulary } from "./vocabulary";

/** Share links and versions have no workspace vocabulary at hand: values compare case-insensitively. */
const NO_VOCABULARY = buildEditorVocabulary([], "en");
const noop = () => {};
const NO_PEERS = new Map();

export function stripNames(map: MapData): MapData {
  return {
    ...map,
    touchpoints: map.touchpoints.map((t) => ({ ...t, owner: "", opportunities: t.opportunities.map((o) => ({ ...o, owner: "" })) })),
  };
}

type Props = {
  doc: Y.Doc;
  hideNames?: boolean;
  /** Rendered above the grid; receives the live map data and zoom controls. */
  header: (map: MapData, zoom: { value: number; set: (z: number) => void; fit: () => void }) => React.ReactNode;
};

export function ReadOnlyMap({ doc, hideNames = false, header }: Props) {
  const raw = useMapData(doc);
  const map = useMemo(() => (hideNames ? stripNames(raw) : raw), [raw, hideNames]);
  const [zoom, setZoom] = useState(1);
  const [active, setActive] = useState<ActiveCell | null>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set(hideNames ? ["owner"] : []));
  const scrollRef = useRef<HTMLDivElement>(null);
  const columns = useMemo(() => buildColumns(map), [map]);
  const spans = useMemo(() => stageSpans(map, columns), [map, columns]);
  const lanes = useMemo(() => layoutLanes(map.lanes, collapsed), [map.lanes, collapsed]);
  const toggle = useCallback((lane: LaneKey) => {
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(lane)) next.delete(lane);
      else next.add(lane);
      return next;
    });
  }, []);
  const fit = useCallback(() => {
    const el = scrollRef.current;
    if (el) setZoom(zoomToFit(el.clientWidth, columns.length));
  }, [columns.length]);
  const context = useMemo<EditorContextValue>(
    () => ({
      doc, origin: {}, canEdit: false, map, edit: noop, departments: [], people: [], personas: [],
      byCell: NO_PEERS, setFocus: noop, notify: noop, openPanel: noop, vocabulary: NO_VOCABULARY, members: [],
    }),
    [doc, map],
  );
  return (
    <EditorContext.Provider value={context}>
      {/* eslint-disable-next-line react-hooks/refs -- `fit` reads the scroll container only when clicked, never during render */}
      {header(map, { value: zoom, set: (z) => setZoom(clampZoom(z)), fit })}
      {map.stages.length ? (
        <MapGrid
          map={map}
          columns={columns}
          spans={spans}
          lanes={lanes}
          columnWidth={Math.round(BASE_COLUMN_WIDTH * zoom)}
          scrollRef={scrollRef}
          active={active}
          setActive={setActive}
          editing={false}
          setEditing={noop}
          focusTick={0}
          requestFocus={noop}
          onToggleLane={toggle}
          onAddTouchpoint={noop}
          onDeleteTouchpoint={noop}
          onMoveTouchpoint={noop}
          onAddStage={noop}
          onDeleteStage={noop}
          onMoveStage={noop}
          onAddLane={noop}
          onRenameLane={noop}
          onDeleteLane={noop}
        />
      ) : null}
    </EditorContext.Provider>
  );
}
