"use client";
// The map grid: stages as a sticky band on top, touchpoints as columns under them (virtualised
// horizontally, so 1,000 touchpoints stay fast), lane labels in a sticky left column, the
// emotion curve and the gap markers as layers aligned to the columns. Keyboard: arrows move
// between cells, Enter edits, Esc leaves, Alt+←/→ moves a touchpoint, Alt+Shift+←/→ moves it to
// the neighbouring stage; on the emotion lane ↑/↓ and digits set the score.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useVirtualizer } from "@tanstack/react-virtual";
import {
  DndContext, DragOverlay, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent,
} from "@dnd-kit/core";
import { computeGaps, type MapData } from "@/lib/maps/map-document";
import { PANEL_LANES, TOGGLE_LANES, toggleMomentOfTruth } from "./cells";
import { useEditor } from "./editor-context";
import { lowestPoints } from "@/components/emotion/emotion";
import { EmotionCurve } from "./emotion-curve";
import { DEFAULT_CURVE, PersonaCurveLines, usePersonaCurves } from "./persona-curves";
import { GapMarker, groupGaps } from "./gap-markers";
import {
  HEADER_HEIGHT, LABEL_WIDTH, STAGE_BAND_HEIGHT, TITLE_ROW_HEIGHT, dropTarget, totalLaneHeight,
  type Column, type LaneKey, type LaneRow, type StageSpan,
} from "./layout";
import { ColumnView } from "./grid/column-view";
import { LaneLabel } from "./grid/lane-label";
import { StageSegment } from "./grid/stage-segment";
import { TitleHeader } from "./grid/title-header";
import { useGridKeyboard } from "./grid/use-grid-keyboard";

export type CellLane = LaneKey | "title";
export type ActiveCell = { col: string; lane: CellLane };

const TRAILING_WIDTH = 200;
const NON_CELL_LANES = new Set<CellLane>(["gaps"]);

type Props = {
  map: MapData;
  columns: Column[];
  spans: StageSpan[];
  lanes: LaneRow[];
  columnWidth: number;
  scrollRef: React.RefObject<HTMLDivElement | null>;
  active: ActiveCell | null;
  setActive: (cell: ActiveCell) => void;
  editing: boolean;
  setEditing: (editing: boolean) => void;
  focusTick: number;
  requestFocus: () => void;
  onToggleLane: (key: LaneKey) => void;
  onAddTouchpoint: (stageId: string, index?: number) => void;
  onDeleteTouchpoint: (id: string) => void;
  onMoveTouchpoint: (id: string, stageId: string, index: number) => void;
  onAddStage: (index?: number) => void;
  onDeleteStage: (stageId: string) => void;
  onMoveStage: (stageId: string, toIndex: number) => void;
  onAddLane: () => void;
  onRenameLane: (laneId: string) => void;
  onDeleteLane: (laneId: string) => void;
};

export function MapGrid(props: Props) {
  const { map, columns, spans, lanes, columnWidth, scrollRef, active, setActive, editing, setEditing, focusTick } = props;
  const t = useTranslations("editor");
  const { canEdit, edit, openPanel } = useEditor();
  const [dragging, setDragging] = useState<string | null>(null);

  // TanStack Virtual is opaque to the React Compiler, which then leaves this component as it is.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => columnWidth,
    overscan: 3,
    getItemKey: (i) => columns[i]?.key ?? i,
  });
  useLayoutEffect(() => {
    virtualizer.measure();
  }, [columnWidth, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const first = items.length ? items[0].index : 0;
  const last = items.length ? items[items.length - 1].index : -1;
  const lanesHeight = totalLaneHeight(lanes);
  const totalWidth = columns.length * columnWidth + TRAILING_WIDTH;
  const emotionRow = lanes.find((l) => l.key === "emotion")!;
  const personaCurves = usePersonaCurves();
  const gapsRow = lanes.find((l) => l.key === "gaps")!;

  const navLanes = useMemo<CellLane[]>(() => ["title", ...lanes.filter((l) => !l.collapsed && !NON_CELL_LANES.has(l.key)).map((l) => l.key)], [lanes]);
  const columnIndex = useMemo(() => new Map(columns.map((c, i) => [c.key, i])), [columns]);

  const lowest = useMemo(() => {
    const idx = lowestPoints(map.touchpoints.map((tp) => tp.emotion));
    return { ids: new Set(idx.map((i) => map.touchpoints[i].id)), labelled: idx.length ? map.touchpoints[idx[0]].id : null };
  }, [map.touchpoints]);

  const { vocabulary } = useEditor();
  const gapGroups = useMemo(() => groupGaps(computeGaps(map, vocabulary.normalise)), [map, vocabulary.normalise]);

  const ensureColumnVisible = useCallback(
    (index: number) => {
      const el = scrollRef.current;
      if (!el) return;
      const start = index * columnWidth;
      const end = start + columnWidth;
      const viewStart = el.scrollLeft;
      const viewEnd = el.scrollLeft + el.clientWidth - LABEL_WIDTH;
      if (start < viewStart) el.scrollLeft = start;
      else if (end > viewEnd) el.scrollLeft = end - (el.clientWidth - LABEL_WIDTH);
    },
    [scrollRef, columnWidth],
  );

  // Move DOM focus to the active cell when asked (keyboard navigation, leaving an editor).
  // Runs again when the columns change, so that a touchpoint that was just added (and is not a
  // column yet) is scrolled into view once it appears.
  const handledTick = useRef(0);
  useLayoutEffect(() => {
    if (!focusTick || focusTick === handledTick.current || !active) return;
    const index = columnIndex.get(active.col);
    if (index === undefined) return;
    handledTick.current = focusTick;
    ensureColumnVisible(index);
    if (editing) return;
    let attempts = 0;
    let frame = 0;
    const tryFocus = () => {
      const el = scrollRef.current?.querySelector<HTMLElement>(`[data-cell="${CSS.escape(`${active.col}|${active.lane}`)}"]`);
      if (el) {
        el.focus({ preventScroll: true });
        el.scrollIntoView({ block: "nearest", inline: "nearest" });
      } else if (attempts++ < 8) frame = requestAnimationFrame(tryFocus);
    };
    tryFocus();
    return () => cancelAnimationFrame(frame);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusTick, columnIndex]);

  // A remote or keyboard move can re-create the DOM node of the focused cell; put focus back on
  // it when it fell to <body> while the grid had it.
  const gridHadFocus = useRef(false);
  useEffect(() => {
    if (!gridHadFocus.current || !active || editing) return;
    if (document.activeElement && document.activeElement !== document.body) return;
    scrollRef.current?.querySelector<HTMLElement>(`[data-cell="${CSS.escape(`${active.col}|${active.lane}`)}"]`)?.focus({ preventScroll: true });
  }, [columns, active, editing, scrollRef]);

  const move = (cell: ActiveCell) => {
    setActive(cell);
    props.requestFocus();
  };

  const leave = useCallback(() => {
    setEditing(false);
    setTimeout(() => {
      const ae = document.activeElement;
      if (!ae || ae === document.body) props.requestFocus();
    }, 0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [setEditing, props.requestFocus]);

  const activate = (column: Column, lane: CellLane) => {
    if (column.kind === "empty") {
      if (canEdit) props.onAddTouchpoint(column.stageId, 0);
      return;
    }
    if (PANEL_LANES.has(lane as LaneKey)) {
      openPanel(column.touchpoint.id, lane);
      return;
    }
    if (!canEdit || lane === "emotion") return;
    if (TOGGLE_LANES.has(lane as LaneKey)) {
      toggleMomentOfTruth(edit, column.touchpoint);
      return;
    }
    setEditing(true);
  };

  const onKeyDown = useGridKeyboard({
    map, columns, columnIndex, navLanes, active, editing, canEdit, edit, openPanel, move, activate,
    onMoveTouchpoint: props.onMoveTouchpoint, onDeleteTouchpoint: props.onDeleteTouchpoint, requestFocus: props.requestFocus,
  });

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const onDragStart = (e: DragStartEvent) => setDragging(String(e.active.id));
  const onDragEnd = (e: DragEndEvent) => {
    setDragging(null);
    const overId = e.over ? String(e.over.id) : null;
    const activeId = String(e.active.id);
    if (!overId) return;
    if (overId.startsWith("stage:")) {
      const stage = map.stages.find((s) => s.id === overId.slice(6));
      if (stage) props.onMoveTouchpoint(activeId, stage.id, stage.touchpointIds.filter((id) => id !== activeId).length);
      return;
    }
    const target = dropTarget(columns, activeId, overId);
    if (target) props.onMoveTouchpoint(activeId, target.stageId, target.index);
  };
  const draggedTouchpoint = dragging ? map.touchpoints.find((tp) => tp.id === dragging) : null;

  const activeRendered = active ? items.some((i) => columns[i.index]?.key === active.col) : false;
  const tabStop = (col: Column, lane: CellLane, index: number) =>
    active && activeRendered ? active.col === col.key && active.lane === lane : index === first && lane === "title";

  return (
    <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)} autoScroll={{ threshold: { x: 0.15, y: 0 } }}>
      <div
        ref={scrollRef}
        className="relative min-h-0 flex-1 overflow-auto overscroll-contain bg-slate-50"
        onKeyDown={onKeyDown}
        onFocus={() => (gridHadFocus.current = true)}
        onBlur={(e) => {
          if (e.relatedTarget) gridHadFocus.current = !!e.currentTarget.contains(e.relatedTarget as Node);
        }}
        data-testid="map-grid"
        aria-label={t("gridLabel")}
        role="region"
      >
        <div className="relative" style={{ width: LABEL_WIDTH + totalWidth, minHeight: HEADER_HEIGHT + lanesHeight }}>
          {/* Header: stage band + touchpoint titles, sticky on top */}
          <div className="sticky top-0 z-30 flex" style={{ height: HEADER_HEIGHT }}>
            <div className="sticky left-0 z-40 flex flex-col justify-between border-b border-r border-slate-200 bg-white px-3 py-2" style={{ width: LABEL_WIDTH, minWidth: LABEL_WIDTH }}>
              <span className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("stages")}</span>
              <span className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("touchpoints")}</span>
            </div>
            <div className="relative border-b border-slate-200 bg-white" style={{ width: totalWidth }}>
              {spans.filter((s) => s.last >= first && s.first <= last).map((s) => (
                <StageSegment key={s.stageId} span={s} columnWidth={columnWidth} stageCount={map.stages.length} onAddTouchpoint={props.onAddTouchpoint} onDeleteStage={props.onDeleteStage} onMoveStage={props.onMoveStage} onAddStage={props.onAddStage} />
              ))}
              {items.map((item) => {
                const column = columns[item.index];
                return (
                  <div key={item.key} className="absolute" style={{ left: item.start, width: item.size, top: STAGE_BAND_HEIGHT, height: TITLE_ROW_HEIGHT }}>
                    {column.kind === "touchpoint" ? (
                      <TitleHeader
                        column={column}
                        compact={columnWidth < 150}
                        isActive={active?.col === column.key && active.lane === "title"}
                        editing={editing && active?.col === column.key && active.lane === "title"}
                        tabStop={tabStop(column, "title", item.index)}
                        onSelect={() => {
                          setActive({ col: column.key, lane: "title" });
                          if (canEdit) setEditing(true);
                        }}
                        onFocusCell={() => setActive({ col: column.key, lane: "title" })}
                        onLeave={leave}
                        onAddAfter={() => props.onAddTouchpoint(column.stageId, column.indexInStage + 1)}
                        onDelete={() => props.onDeleteTouchpoint(column.touchpoint.id)}
                      />
                    ) : (
                      <div className="h-full border-r border-slate-200 bg-slate-50" />
                    )}
                  </div>
                );
              })}
              {canEdit ? (
                <div className="absolute flex items-center justify-center" style={{ left: columns.length * columnWidth, width: TRAILING_WIDTH, top: 0, height: HEADER_HEIGHT }}>
                  <button type="button" onClick={() => props.onAddStage()} data-testid="add-stage-end" className="rounded-md border border-dashed border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-600 hover:border-brand-500 hover:text-brand-700">
                    + {t("addStage")}
                  </button>
                </div>
              ) : null}
            </div>
          </div>

          {/* Body: lane labels + columns */}
          <div className="flex">
            <div className="sticky left-0 z-20 border-r border-slate-200 bg-white" style={{ width: LABEL_WIDTH, minWidth: LABEL_WIDTH }}>
              {lanes.map((lane) => (
                <LaneLabel key={lane.key} lane={lane} onToggle={() => props.onToggleLane(lane.key)} onRename={props.onRenameLane} onDelete={props.onDeleteLane} />
              ))}
              {canEdit ? (
                <button type="button" onClick={props.onAddLane} data-testid="add-lane" className="m-2 rounded-md border border-dashed border-slate-300 px-2 py-1 text-xs font-medium text-slate-600 hover:border-brand-500 hover:text-brand-700">
                  + {t("addLane")}
                </button>
              ) : null}
            </div>
            <div className="relative" style={{ width: totalWidth, height: lanesHeight }}>
              {!emotionRow.collapsed ? (
                <div className="absolute left-0 right-0" style={{ top: emotionRow.top, height: emotionRow.height }}>
                  <EmotionCurve columns={columns} spans={spans} first={first} last={last} columnWidth={columnWidth} height={emotionRow.height} lowest={lowest.ids} lowestLabelled={lowest.labelled} hideLine={personaCurves.active && personaCurves.hidden.has(DEFAULT_CURVE)} />
                  <PersonaCurveLines map={map} columns={columns} first={first} last={last} columnWidth={columnWidth} height={emotionRow.height} />
                </div>
              ) : null}
              {items.map((item) => {
                const column = columns[item.index];
                return (
                  <ColumnView
                    key={item.key}
                    column={column}
                    left={item.start}
                    width={item.size}
                    lanes={lanes}
                    active={active?.col === column.key ? active.lane : null}
                    editing={editing && active?.col === column.key}
                    tabLane={active && activeRendered ? (active.col === column.key ? active.lane : null) : null}
                    onCellClick={(lane) => {
                      setActive({ col: column.key, lane });
                      activate(column, lane);
                    }}
                    onCellFocus={(lane) => {
                      if (active?.col !== column.key || active.lane !== lane) setActive({ col: column.key, lane });
                    }}
                    onLeave={leave}
                    onAddTouchpoint={() => props.onAddTouchpoint(column.stageId, 0)}
                  />
                );
              })}
              {!gapsRow.collapsed
                ? gapGroups.map((g) => {
                    const index = columnIndex.get(g.toTouchpointId);
                    if (index === undefined || index < first || index > last) return null;
                    return <GapMarker key={`${g.fromTouchpointId}|${g.toTouchpointId}`} group={g} left={index * columnWidth} top={gapsRow.top} compact={columnWidth < 150} />;
                  })
                : null}
              {map.cyclic && columns.length ? (
                <div className="absolute flex items-center justify-center text-sm font-medium text-brand-700" style={{ left: columns.length * columnWidth, width: TRAILING_WIDTH, top: emotionRow.top, height: emotionRow.height }} data-testid="cycle-marker">
                  <span aria-hidden className="mr-1 text-lg">↺</span> {t("cycleBack", { stage: map.stages[0]?.name || t("untitledStage") })}
                </div>
              ) : null}
            </div>
          </div>
        </div>
      </div>
      <DragOverlay dropAnimation={null}>
        {draggedTouchpoint ? (
          <div className="rounded-md border border-brand-500 bg-white px-3 py-2 text-sm font-semibold shadow-xl" style={{ width: columnWidth - 16 }}>
            {draggedTouchpoint.title || t("untitledTouchpoint")}
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}
