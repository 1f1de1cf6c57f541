"use client";
// Keyboard in the grid: arrows, Home/End move between cells, Enter edits or opens (Shift+Enter the
// details panel), Space toggles, Delete removes a touchpoint from its title, Alt+←/→ moves a
// touchpoint (with Shift to the neighbouring stage); on the emotion lane ↑/↓ and digits set the score.
import { useRef } from "react";
import { setEmotion, type MapData } from "@/lib/maps/map-document";
import { emotionFromKey } from "@/components/emotion/emotion";
import { TOGGLE_LANES } from "../cells";
import type { EditorContextValue } from "../editor-context";
import { keyboardMoveTarget, type Column, type LaneKey } from "../layout";
import type { ActiveCell, CellLane } from "../map-grid";

export function useGridKeyboard({
  map, columns, columnIndex, navLanes, active, editing, canEdit, edit, openPanel, move, activate, onMoveTouchpoint, onDeleteTouchpoint, requestFocus,
}: {
  map: MapData;
  columns: Column[];
  columnIndex: Map<string, number>;
  navLanes: CellLane[];
  active: ActiveCell | null;
  editing: boolean;
  canEdit: boolean;
  edit: EditorContextValue["edit"];
  openPanel: EditorContextValue["openPanel"];
  move: (cell: ActiveCell) => void;
  activate: (column: Column, lane: CellLane) => void;
  onMoveTouchpoint: (id: string, stageId: string, index: number) => void;
  onDeleteTouchpoint: (id: string) => void;
  requestFocus: () => void;
}) {
  const negativePending = useRef(false);
  return (event: React.KeyboardEvent<HTMLDivElement>) => {
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
        onMoveTouchpoint(column.touchpoint.id, target.stageId, target.index);
        requestFocus();
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
          onDeleteTouchpoint(column.touchpoint.id);
        }
        return;
    }
  };
}
