"use client";
// One touchpoint column of the grid: its title header and a cell per lane.
import { memo } from "react";
import { useTranslations } from "next-intl";
import { useEditor } from "../editor-context";
import { totalLaneHeight, type Column, type LaneRow } from "../layout";
import { Cell } from "./cell";
import { EmotionCell } from "./emotion-cell";
import type { CellLane } from "../map-grid";

export const ColumnView = memo(function ColumnView({ column, left, width, lanes, active, editing, tabLane, onCellClick, onCellFocus, onLeave, onAddTouchpoint }: {
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
