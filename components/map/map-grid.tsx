"use client";
// The map grid: stages as a sticky band on top, touchpoints as columns under them (virtualised
// horizontally, so 1,000 touchpoints stay fast), lane labels in a sticky left column, the
// emotion curve and the gap markers as layers aligned to the columns. Keyboard: arrows move
// between cells, Enter edits, Esc leaves, Alt+←/→ moves a touchpoint, Alt+Shift+←/→ moves it to
// the neighbouring stage; on the emotion lane ↑/↓ and digits set the score.
import { ChangedDot, CommentMarker } from "@/components/discuss/comment-marker";
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useVirtualizer } from "@tanstack/react-virtual";
import {
  DndContext, DragOverlay, PointerSensor, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent, type DragStartEvent,
} from "@dnd-kit/core";
import { computeGaps, getStageNameText, setEmotion, type MapData, type Touchpoint } from "@/lib/maps/map-document";
import { CellContent, PANEL_LANES, TOGGLE_LANES, toggleMomentOfTruth } from "./cells";
import { CollabText } from "./collab-text";
import { useEditor } from "./editor-context";
import { emotionFromKey, emotionKey, formatScore, lowestPoints, scoreAtY } from "./emotion";
import { EmotionCurve, emotionY } from "./emotion-curve";
import { GapMarker, groupGaps } from "./gap-markers";
import {
  HEADER_HEIGHT, LABEL_WIDTH, STAGE_BAND_HEIGHT, TITLE_ROW_HEIGHT, dropTarget, keyboardMoveTarget, totalLaneHeight,
  type Column, type LaneKey, type LaneRow, type StageSpan,
} from "./layout";
import { Menu } from "./menu";
import { readableTextColor } from "@/components/ui/readable-text-color";

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
  const negativePending = useRef(false);

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

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const cellAttr = target.getAttribute("data-cell");
    if (!cellAttr || !active || editing) return;
    const colIdx = columnIndex.get(active.col);
    if (colIdx === undefined) return;
    const column = columns[colIdx];
    const laneIdx = Math.max(0, navLanes.indexOf(active.lane));
    const isEmotion = active.lane === "emotion" && column.kind === "touchpoint";
    const key = event.key;

    if (isEmotion && canEdit && !event.altKey && !event.ctrlKey && !event.metaKey && !(event.shiftKey && (key === "ArrowUp" || key === "ArrowDown"))) {
      const result = emotionFromKey(key, column.touchpoint.emotion, negativePending.current);
      negativePending.current = result.negativePending;
      if (result.score !== undefined || key === "-") {
        event.preventDefault();
        if (result.score !== undefined && result.score !== column.touchpoint.emotion) {
          const score = result.score;
          edit((doc) => setEmotion(doc, column.touchpoint.id, score));
        }
        return;
      }
    }

    if ((key === "ArrowLeft" || key === "ArrowRight") && event.altKey) {
      event.preventDefault();
      if (!canEdit || column.kind !== "touchpoint") return;
      const target = keyboardMoveTarget(map, column.touchpoint.id, key === "ArrowLeft" ? -1 : 1, event.shiftKey);
      if (target) {
        props.onMoveTouchpoint(column.touchpoint.id, target.stageId, target.index);
        props.requestFocus();
      }
      return;
    }
    switch (key) {
      case "ArrowLeft":
      case "ArrowRight": {
        event.preventDefault();
        const next = colIdx + (key === "ArrowLeft" ? -1 : 1);
        if (next < 0 || next >= columns.length) return;
        const nextCol = columns[next];
        move({ col: nextCol.key, lane: nextCol.kind === "empty" ? "title" : active.lane });
        return;
      }
      case "ArrowUp":
      case "ArrowDown": {
        event.preventDefault();
        if (column.kind === "empty") return;
        const next = laneIdx + (key === "ArrowUp" ? -1 : 1);
        if (next < 0 || next >= navLanes.length) return;
        move({ col: active.col, lane: navLanes[next] });
        return;
      }
      case "Home":
      case "End": {
        event.preventDefault();
        const nextCol = columns[key === "Home" ? 0 : columns.length - 1];
        if (nextCol) move({ col: nextCol.key, lane: nextCol.kind === "empty" ? "title" : active.lane });
        return;
      }
      case "Enter":
        event.preventDefault();
        if (event.shiftKey && column.kind === "touchpoint") openPanel(column.touchpoint.id);
        else activate(column, active.lane);
        return;
      case " ":
        if (TOGGLE_LANES.has(active.lane as LaneKey)) {
          event.preventDefault();
          activate(column, active.lane);
        }
        return;
      case "Delete":
      case "Backspace":
        if (canEdit && column.kind === "touchpoint" && active.lane === "title") {
          event.preventDefault();
          props.onDeleteTouchpoint(column.touchpoint.id);
        }
        return;
    }
  };

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
                  <EmotionCurve columns={columns} spans={spans} first={first} last={last} columnWidth={columnWidth} height={emotionRow.height} lowest={lowest.ids} lowestLabelled={lowest.labelled} />
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

function StageSegment({ span, columnWidth, stageCount, onAddTouchpoint, onDeleteStage, onMoveStage, onAddStage }: {
  span: StageSpan; columnWidth: number; stageCount: number;
  onAddTouchpoint: (stageId: string, index?: number) => void;
  onDeleteStage: (stageId: string) => void;
  onMoveStage: (stageId: string, toIndex: number) => void;
  onAddStage: (index?: number) => void;
}) {
  const t = useTranslations("editor");
  const { doc, origin, canEdit } = useEditor();
  const [renaming, setRenaming] = useState(false);
  const { setNodeRef, isOver } = useDroppable({ id: `stage:${span.stageId}`, disabled: !canEdit });
  const text = renaming ? getStageNameText(doc, span.stageId) : null;
  const name = span.name || t("untitledStage");
  return (
    <div
      ref={setNodeRef}
      className={`absolute top-0 border-r border-slate-300 ${span.stageIndex % 2 ? "bg-slate-100" : "bg-brand-50"} ${isOver ? "ring-2 ring-inset ring-brand-500" : ""}`}
      style={{ left: span.first * columnWidth, width: (span.last - span.first + 1) * columnWidth, height: STAGE_BAND_HEIGHT }}
      data-testid="stage"
      data-stage-id={span.stageId}
    >
      <div className="sticky flex h-full max-w-full items-center gap-2 px-3" style={{ left: LABEL_WIDTH, width: "fit-content" }}>
        {renaming && text ? (
          <CollabText
            text={text}
            origin={origin}
            autoFocus
            aria-label={t("stageName")}
            maxLength={200}
            onFocus={(e) => e.currentTarget.select()}
            onBlur={() => setRenaming(false)}
            onKeyDown={(e) => {
              e.stopPropagation();
              if (e.key === "Enter" || e.key === "Escape") setRenaming(false);
            }}
            className="w-48 rounded border border-brand-500 bg-white px-1.5 py-0.5 text-sm font-semibold focus:outline-none"
            data-testid="stage-name-input"
          />
        ) : (
          <button
            type="button"
            disabled={!canEdit}
            onClick={() => setRenaming(true)}
            className="truncate rounded px-1 text-sm font-semibold text-slate-900 enabled:hover:bg-white/70 disabled:cursor-default"
            title={canEdit ? t("renameStage") : undefined}
            data-testid="stage-name"
          >
            {name}
          </button>
        )}
        <span className="shrink-0 rounded-full bg-white/80 px-1.5 text-[11px] font-medium text-slate-600" title={t("touchpointCount", { count: span.count })}>
          {span.count}
        </span>
        <CommentMarker kind="stage" id={span.stageId} label={name} />
        {canEdit ? (
          <Menu
            label={t("stageActions", { stage: name })}
            testId="stage-menu"
            items={[
              { label: t("addTouchpoint"), onSelect: () => onAddTouchpoint(span.stageId), testId: "stage-add-touchpoint" },
              { label: t("renameStage"), onSelect: () => setRenaming(true) },
              { label: t("addStageAfter"), onSelect: () => onAddStage(span.stageIndex + 1) },
              { label: t("moveStageLeft"), onSelect: () => onMoveStage(span.stageId, span.stageIndex - 1), disabled: span.stageIndex === 0 },
              { label: t("moveStageRight"), onSelect: () => onMoveStage(span.stageId, span.stageIndex + 1), disabled: span.stageIndex >= stageCount - 1 },
              { label: t("deleteStage"), onSelect: () => onDeleteStage(span.stageId), danger: true, testId: "stage-delete" },
            ]}
          />
        ) : null}
      </div>
    </div>
  );
}

function TitleHeader({ column, compact, isActive, editing, tabStop, onSelect, onFocusCell, onLeave, onAddAfter, onDelete }: {
  column: Extract<Column, { kind: "touchpoint" }>;
  compact: boolean;
  isActive: boolean;
  editing: boolean;
  tabStop: boolean;
  onSelect: () => void;
  onFocusCell: () => void;
  onLeave: () => void;
  onAddAfter: () => void;
  onDelete: () => void;
}) {
  const t = useTranslations("editor");
  const { canEdit, openPanel, byCell } = useEditor();
  const tp = column.touchpoint;
  // Destructured: the React Compiler lint reads `x.setNodeRef` as a ref read during render.
  const { setNodeRef: setDragNode, listeners: dragListeners, attributes: dragAttributes, isDragging } = useDraggable({ id: tp.id, disabled: !canEdit });
  const { setNodeRef: setDropNode, isOver } = useDroppable({ id: tp.id, disabled: !canEdit });
  const peers = byCell.get(`${tp.id}|title`) ?? [];
  return (
    <div
      ref={setDropNode}
      className={`group relative flex h-full items-start gap-1 border-r border-slate-200 bg-white px-1.5 py-1.5 ${isOver ? "ring-2 ring-inset ring-brand-500" : ""} ${isDragging ? "opacity-40" : ""}`}
      data-testid="column"
      data-touchpoint-id={tp.id}
    >
      {canEdit && !compact ? (
        <button
          type="button"
          ref={setDragNode}
          {...dragListeners}
          {...dragAttributes}
          tabIndex={-1}
          aria-label={t("dragHandle", { title: tp.title || t("untitledTouchpoint") })}
          title={t("dragHint")}
          className="mt-0.5 cursor-grab touch-none rounded px-0.5 text-slate-400 hover:bg-slate-100 hover:text-slate-700 active:cursor-grabbing"
          data-testid="drag-handle"
        >
          <span aria-hidden>⠿</span>
        </button>
      ) : null}
      <div
        tabIndex={tabStop ? 0 : -1}
        data-cell={`${column.key}|title`}
        data-presence={`${tp.id}|title`}
        data-testid={`cell-title-${tp.id}`}
        aria-label={`${t("lanes.title")}: ${tp.title || t("untitledTouchpoint")}`}
        onClick={() => !editing && onSelect()}
        onFocus={(e) => e.target === e.currentTarget && onFocusCell()}
        className={`relative min-w-0 flex-1 cursor-text self-stretch rounded px-1 py-0.5 focus:outline-2 focus:outline-brand-500 ${isActive ? "bg-brand-50/60" : ""}`}
        style={peerOutline(peers)}
      >
        <CellContent lane="title" touchpoint={tp} editing={editing} onLeave={onLeave} />
        <PeerTag peers={peers} />
        <ChangedDot touchpointId={tp.id} />
      </div>
      <div className={`shrink-0 flex-col items-center ${compact ? "hidden" : "flex"}`}>
        <button type="button" onClick={() => openPanel(tp.id)} aria-label={t("openDetails", { title: tp.title || t("untitledTouchpoint") })} title={t("openDetailsShort")} className="inline-flex min-h-6 min-w-6 items-center justify-center rounded px-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900" data-testid="open-details">
          <span aria-hidden>⤢</span>
        </button>
        <CommentMarker kind="touchpoint" id={tp.id} label={tp.title || t("untitledTouchpoint")} />
        {canEdit ? (
          <Menu
            label={t("touchpointActions", { title: tp.title || t("untitledTouchpoint") })}
            testId="touchpoint-menu"
            items={[
              { label: t("openDetailsShort"), onSelect: () => openPanel(tp.id) },
              { label: t("addTouchpointAfter"), onSelect: onAddAfter, testId: "add-after" },
              { label: t("deleteTouchpoint"), onSelect: onDelete, danger: true, testId: "delete-touchpoint" },
            ]}
          />
        ) : null}
      </div>
    </div>
  );
}

type PeerList = ReturnType<typeof useEditor>["byCell"] extends Map<string, infer P> ? P : never;

function peerOutline(peers: PeerList): React.CSSProperties | undefined {
  if (!peers.length) return undefined;
  return { boxShadow: `inset 0 0 0 2px ${peers[0].user.color}` };
}

/** The coloured name tag of the people in a cell: a dot always, the names on hover. */
function PeerTag({ peers }: { peers: PeerList }) {
  const t = useTranslations("editor");
  if (!peers.length) return null;
  const names = peers.map((p) => p.user.name).join(", ");
  return (
    <span
      className="group/peer absolute -top-1 right-0 z-10 flex items-center"
      data-testid="peer-tag"
      title={t("peerHere", { names })}
    >
      <span className="sr-only">{t("peerHere", { names })}</span>
      <span aria-hidden className="h-2.5 w-2.5 rounded-full ring-2 ring-white" style={{ background: peers[0].user.color }} />
      <span aria-hidden className="pointer-events-none absolute right-0 top-3 hidden whitespace-nowrap rounded px-1.5 py-0.5 text-[11px] font-medium text-white shadow group-hover:block group-hover/peer:block" style={{ background: peers[0].user.color, color: readableTextColor(peers[0].user.color) }}>
        {names}
      </span>
    </span>
  );
}

const ColumnView = memo(function ColumnView({ column, left, width, lanes, active, editing, tabLane, onCellClick, onCellFocus, onLeave, onAddTouchpoint }: {
  column: Column;
  left: number;
  width: number;
  lanes: LaneRow[];
  active: CellLane | null;
  editing: boolean;
  tabLane: CellLane | null;
  onCellClick: (lane: CellLane) => void;
  onCellFocus: (lane: CellLane) => void;
  onLeave: () => void;
  onAddTouchpoint: () => void;
}) {
  const t = useTranslations("editor");
  const { canEdit } = useEditor();
  if (column.kind === "empty") {
    return (
      <div className="absolute top-0 flex flex-col items-center gap-2 border-r border-slate-200 bg-slate-50 px-4 pt-16 text-center" style={{ left, width, height: totalLaneHeight(lanes) }} data-testid="empty-stage">
        <p className="text-sm text-slate-600">{t("emptyStage")}</p>
        {canEdit ? (
          <button
            type="button"
            data-cell={`${column.key}|title`}
            onClick={onAddTouchpoint}
            className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700"
            data-testid="empty-stage-add"
          >
            + {t("addTouchpoint")}
          </button>
        ) : null}
      </div>
    );
  }
  return (
    <div className="absolute top-0" style={{ left, width }} data-testid="column-body" data-touchpoint-id={column.touchpoint.id}>
      {lanes.map((lane) =>
        lane.key === "gaps" ? (
          <div key={lane.key} className="border-b border-r border-slate-200 bg-slate-50/60" style={{ height: lane.height }} />
        ) : lane.collapsed ? (
          <div key={lane.key} className="border-b border-r border-slate-200 bg-slate-50" style={{ height: lane.height }} />
        ) : lane.key === "emotion" ? (
          <EmotionCell key={lane.key} touchpoint={column.touchpoint} height={lane.height} colKey={column.key} tabStop={tabLane === "emotion"} isActive={active === "emotion"} onFocusCell={() => onCellFocus("emotion")} />
        ) : (
          <Cell
            key={lane.key}
            lane={lane}
            colKey={column.key}
            touchpoint={column.touchpoint}
            isActive={active === lane.key}
            editing={editing && active === lane.key}
            tabStop={tabLane === lane.key}
            onClick={() => onCellClick(lane.key)}
            onFocusCell={() => onCellFocus(lane.key)}
            onLeave={onLeave}
          />
        ),
      )}
    </div>
  );
});

function Cell({ lane, colKey, touchpoint, isActive, editing, tabStop, onClick, onFocusCell, onLeave }: {
  lane: LaneRow; colKey: string; touchpoint: Touchpoint; isActive: boolean; editing: boolean; tabStop: boolean;
  onClick: () => void; onFocusCell: () => void; onLeave: () => void;
}) {
  const t = useTranslations("editor");
  const { byCell, canEdit } = useEditor();
  const peers = byCell.get(`${touchpoint.id}|${lane.key}`) ?? [];
  const label = lane.customLane ? lane.customLane.name : t(`lanes.${lane.key}` as "lanes.channel");
  return (
    <div
      tabIndex={editing ? -1 : tabStop ? 0 : -1}
      data-cell={`${colKey}|${lane.key}`}
      data-presence={`${touchpoint.id}|${lane.key}`}
      data-testid={`cell-${lane.key}-${touchpoint.id}`}
      aria-label={label}
      onClick={() => !editing && onClick()}
      onFocus={(e) => e.target === e.currentTarget && onFocusCell()}
      className={`relative overflow-hidden border-b border-r border-slate-200 p-2 focus:outline-2 focus:-outline-offset-2 focus:outline-brand-500 ${isActive ? "bg-brand-50/40" : "bg-white"} ${canEdit ? "cursor-text" : ""}`}
      style={{ height: lane.height, scrollMarginTop: HEADER_HEIGHT, scrollMarginLeft: LABEL_WIDTH, ...peerOutline(peers) }}
    >
      <CellContent lane={lane.key} touchpoint={touchpoint} editing={editing} onLeave={onLeave} />
      <PeerTag peers={peers} />
    </div>
  );
}

function EmotionCell({ touchpoint, height, colKey, tabStop, isActive, onFocusCell }: { touchpoint: Touchpoint; height: number; colKey: string; tabStop: boolean; isActive: boolean; onFocusCell: () => void }) {
  const t = useTranslations("editor");
  const { canEdit, edit, byCell } = useEditor();
  const dragging = useRef(false);
  const peers = byCell.get(`${touchpoint.id}|emotion`) ?? [];
  const scoreFromEvent = (event: React.PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return scoreAtY(event.clientY - rect.top, emotionY(3, height), emotionY(-3, height));
  };
  const set = (score: number) => {
    if (score !== touchpoint.emotion) edit((doc) => setEmotion(doc, touchpoint.id, score));
  };
  const valueText = touchpoint.emotion === null ? t("notRated") : `${formatScore(touchpoint.emotion)} (${t(`emotionLabel.${emotionKey(touchpoint.emotion)}`)})`;
  return (
    <div
      role="slider"
      tabIndex={tabStop ? 0 : -1}
      aria-label={t("emotionOf", { title: touchpoint.title || t("untitledTouchpoint") })}
      aria-valuemin={-3}
      aria-valuemax={3}
      aria-valuenow={touchpoint.emotion ?? undefined}
      aria-valuetext={valueText}
      aria-readonly={!canEdit || undefined}
      aria-orientation="vertical"
      data-cell={`${colKey}|emotion`}
      data-presence={`${touchpoint.id}|emotion`}
      data-testid={`cell-emotion-${touchpoint.id}`}
      data-score={touchpoint.emotion ?? ""}
      onFocus={(e) => e.target === e.currentTarget && onFocusCell()}
      onPointerDown={(e) => {
        onFocusCell();
        if (!canEdit || e.button !== 0) return;
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        set(scoreFromEvent(e));
      }}
      onPointerMove={(e) => {
        if (dragging.current) set(scoreFromEvent(e));
      }}
      onPointerUp={(e) => {
        dragging.current = false;
        if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
      }}
      className={`relative border-b border-r border-slate-200/70 focus:outline-2 focus:-outline-offset-2 focus:outline-brand-500 ${canEdit ? "cursor-ns-resize" : ""} ${isActive ? "bg-brand-500/5" : ""}`}
      style={{ height, scrollMarginTop: HEADER_HEIGHT, scrollMarginLeft: LABEL_WIDTH, touchAction: canEdit ? "none" : undefined, ...peerOutline(peers) }}
    >
      {touchpoint.emotion === null ? (
        <span className="absolute inset-x-0 top-1/2 -translate-y-1/2 text-center text-xs text-slate-400">{canEdit ? t("clickToRate") : t("notRated")}</span>
      ) : null}
      <PeerTag peers={peers} />
    </div>
  );
}

function LaneLabel({ lane, onToggle, onRename, onDelete }: { lane: LaneRow; onToggle: () => void; onRename: (id: string) => void; onDelete: (id: string) => void }) {
  const t = useTranslations("editor");
  const { canEdit } = useEditor();
  const label = lane.customLane ? lane.customLane.name || t("untitledLane") : t(`lanes.${lane.key}` as "lanes.channel");
  return (
    <div className="group flex items-start gap-1 border-b border-slate-200 px-2 py-1.5" style={{ height: lane.height }} data-testid={`lane-${lane.key}`}>
      <button
        type="button"
        onClick={onToggle}
        aria-expanded={!lane.collapsed}
        aria-label={lane.collapsed ? t("expandLane", { lane: label }) : t("collapseLane", { lane: label })}
        className="rounded px-0.5 text-xs text-slate-500 hover:bg-slate-100 hover:text-slate-900"
        data-testid="lane-toggle"
      >
        <span aria-hidden>{lane.collapsed ? "▸" : "▾"}</span>
      </button>
      <span className={`min-w-0 flex-1 truncate text-xs font-semibold ${lane.collapsed ? "text-slate-500" : "text-slate-700"}`} title={label}>
        {label}
      </span>
      {lane.customLane && canEdit ? (
        <Menu
          label={t("laneActions", { lane: label })}
          buttonClassName="text-xs"
          items={[
            { label: t("renameLane"), onSelect: () => onRename(lane.customLane!.id) },
            { label: t("deleteLane"), onSelect: () => onDelete(lane.customLane!.id), danger: true },
          ]}
        />
      ) : null}
    </div>
  );
}
