"use client";
// One text or toggle cell of the grid.
import { useTranslations } from "next-intl";
import { type Touchpoint } from "@/lib/maps/map-document";
import { CellContent } from "../cells";
import { useEditor } from "../editor-context";
import { HEADER_HEIGHT, LABEL_WIDTH, type LaneRow } from "../layout";
import { PeerTag, peerOutline } from "@/components/collab/peer-tag";

export function Cell({ lane, colKey, touchpoint, isActive, editing, tabStop, onClick, onFocusCell, onLeave }: {
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
