"use client";
// One stage in the sticky band over the columns: its name, drag handle and menu.
import { CommentMarker } from "@/components/discuss/comment-marker";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useDroppable } from "@dnd-kit/core";
import { getStageNameText } from "@/lib/maps/map-document";
import { CollabText } from "@/components/collab/collab-text";
import { useEditor } from "../editor-context";
import { LABEL_WIDTH, STAGE_BAND_HEIGHT, type StageSpan } from "../layout";
import { Menu } from "../menu";
import { StageMethodControl } from "../method-fields";

export function StageSegment({ span, columnWidth, stageCount, onAddTouchpoint, onDeleteStage, onMoveStage, onAddStage }: {
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
      <div className="sticky flex h-full max-w-full flex-col justify-center gap-0.5 px-3" style={{ left: LABEL_WIDTH, width: "fit-content" }}>
      {/* The central question above the name: the stage menu opens downwards and would cover it below. */}
      <StageMethodControl stageId={span.stageId} maxWidth={(span.last - span.first + 1) * columnWidth - 24} />
      <div className="flex max-w-full items-center gap-2">
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
    </div>
  );
}
