"use client";
// The title row of a touchpoint column: its title (editable in place), drag handle and menu.
import { ChangedDot, CommentMarker } from "@/components/discuss/comment-marker";
import { useTranslations } from "next-intl";
import { useDraggable, useDroppable } from "@dnd-kit/core";
import { CellContent } from "../cells";
import { useEditor } from "../editor-context";
import { type Column } from "../layout";
import { Menu } from "../menu";
import { TouchpointMethodMarkers } from "../method-fields";
import { PeerTag, peerOutline } from "@/components/collab/peer-tag";

export function TitleHeader({ column, compact, isActive, editing, tabStop, onSelect, onFocusCell, onLeave, onAddAfter, onDelete }: {
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
      <TouchpointMethodMarkers touchpoint={tp} />
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
