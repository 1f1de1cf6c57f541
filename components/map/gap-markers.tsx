"use client";
// Gap markers between two columns where channel, device or owner department changes, with a
// popover to mark the gap as handled and note how.
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { setGapHandled, type Gap } from "@/lib/maps/map-document";
import { useEditor } from "./editor-context";

export type GapGroup = { fromTouchpointId: string; toTouchpointId: string; gaps: Gap[] };

/** Groups gaps by the pair of touchpoints they sit between. */
export function groupGaps(gaps: Gap[]): GapGroup[] {
  const groups = new Map<string, GapGroup>();
  for (const g of gaps) {
    const key = `${g.fromTouchpointId}|${g.toTouchpointId}`;
    const group = groups.get(key) ?? { fromTouchpointId: g.fromTouchpointId, toTouchpointId: g.toTouchpointId, gaps: [] };
    group.gaps.push(g);
    groups.set(key, group);
  }
  return [...groups.values()];
}

export function GapMarker({ group, left, top, compact }: { group: GapGroup; left: number; top: number; compact?: boolean }) {
  const t = useTranslations("editor");
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const allHandled = group.gaps.every((g) => g.handled);
  const kinds = group.gaps.map((g) => t(`gapKind.${g.kind}`)).join(" · ");

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onDown);
    return () => document.removeEventListener("pointerdown", onDown);
  }, [open]);

  return (
    <div ref={ref} className="absolute z-[5] -translate-x-1/2" style={{ left, top: top + 6 }}>
      <button
        type="button"
        aria-expanded={open}
        aria-label={allHandled ? t("gapHandledLabel", { kinds }) : t("gapOpenLabel", { kinds })}
        onClick={() => setOpen((o) => !o)}
        data-testid="gap-marker"
        data-handled={allHandled}
        className={`flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-[11px] font-semibold shadow-sm ${allHandled ? "border-slate-300 bg-white text-slate-500" : "border-amber-400 bg-amber-50 text-amber-900"}`}
      >
        <span aria-hidden>{allHandled ? "✓" : "⚠"}</span>
        {compact ? <span aria-hidden>{group.gaps.length}</span> : kinds}
      </button>
      {open ? (
        <div
          role="dialog"
          aria-label={t("gapTitle")}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.stopPropagation();
              setOpen(false);
            }
          }}
          className="absolute left-1/2 top-7 z-40 w-72 -translate-x-1/2 rounded-lg border border-slate-200 bg-white p-3 text-left shadow-xl"
        >
          <h3 className="text-sm font-semibold text-slate-900">{t("gapTitle")}</h3>
          <p className="mt-0.5 text-xs text-slate-600">{t("gapHelp")}</p>
          <ul className="mt-2 space-y-3">
            {group.gaps.map((g) => (
              <GapItem key={g.kind} gap={g} />
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function GapItem({ gap }: { gap: Gap }) {
  const t = useTranslations("editor");
  const { edit, canEdit } = useEditor();
  const [note, setNote] = useState(gap.note);
  // Someone else changed the note: take theirs (adjusted during render, not in an effect).
  const [seenNote, setSeenNote] = useState(gap.note);
  if (seenNote !== gap.note) {
    setSeenNote(gap.note);
    setNote(gap.note);
  }
  const save = (handled: boolean, value: string) => edit((doc) => setGapHandled(doc, gap, handled, value.trim()));
  return (
    <li>
      <div className="text-xs font-medium text-slate-800">
        {t(`gapKind.${gap.kind}`)}: {gap.fromValue} <span aria-hidden>→</span>
        <span className="sr-only">{t("to")}</span> {gap.toValue}
      </div>
      <label className="mt-1 flex items-center gap-2 text-sm">
        <input type="checkbox" checked={gap.handled} disabled={!canEdit} onChange={(e) => save(e.target.checked, note)} data-testid="gap-handled" />
        {t("gapHandled")}
      </label>
      {canEdit ? (
        <textarea
          value={note}
          maxLength={2000}
          rows={2}
          placeholder={t("gapNotePlaceholder")}
          aria-label={t("gapNote")}
          onChange={(e) => setNote(e.target.value)}
          onBlur={() => {
            if (note.trim() !== gap.note) save(gap.handled || note.trim() !== "", note);
          }}
          className="mt-1 w-full resize-none rounded border border-slate-300 px-2 py-1 text-sm focus:border-brand-500 focus:outline-none"
        />
      ) : gap.note ? (
        <p className="mt-1 text-sm text-slate-700">{gap.note}</p>
      ) : null}
    </li>
  );
}
