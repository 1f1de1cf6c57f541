"use client";
// The emotion cell of a column: pointer and keyboard set the score.
import { useRef } from "react";
import { useTranslations } from "next-intl";
import { setEmotion, type Touchpoint } from "@/lib/maps/map-document";
import { useEditor } from "../editor-context";
import { emotionKey, formatScore, scoreAtY } from "@/components/emotion/emotion";
import { emotionY } from "../emotion-curve";
import { HEADER_HEIGHT, LABEL_WIDTH } from "../layout";
import { PeerTag, peerOutline } from "@/components/collab/peer-tag";

export function EmotionCell({ touchpoint, height, colKey, tabStop, isActive, onFocusCell }: { touchpoint: Touchpoint; height: number; colKey: string; tabStop: boolean; isActive: boolean; onFocusCell: () => void }) {
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
