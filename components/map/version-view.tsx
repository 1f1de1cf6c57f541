"use client";
// A saved version shown in the editor's layout, read-only, with a way back to the live map.
import { useMemo } from "react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import * as Y from "yjs";
import { EDITOR_HEIGHT } from "./editor-skeleton";
import { ReadOnlyMap } from "./read-only-map";

type Props = {
  workspaceSlug: string;
  mapId: string;
  /** The version's Yjs state, base64. */
  state: string;
  version: { id: string; label: string; kind: string; createdAt: string; createdByName: string | null };
};

export function VersionView({ workspaceSlug, mapId, state, version }: Props) {
  const t = useTranslations("versions");
  const format = useFormatter();
  const doc = useMemo(() => {
    const d = new Y.Doc();
    Y.applyUpdate(d, Uint8Array.from(atob(state), (c) => c.charCodeAt(0)));
    return d;
  }, [state]);
  const when = format.dateTime(new Date(version.createdAt), { dateStyle: "medium", timeStyle: "short" });
  const name = version.kind === "daily" ? t("dailyName", { date: format.dateTime(new Date(version.createdAt), { dateStyle: "medium" }) }) : version.label;
  return (
    <div className={`flex ${EDITOR_HEIGHT} flex-col overflow-clip`} data-testid="version-view">
      <ReadOnlyMap
        doc={doc}
        header={(map, zoom) => (
          <header className="border-b border-slate-200 bg-white px-4 py-2">
            <div className="flex flex-wrap items-center gap-3">
              <Link href={`/w/${workspaceSlug}/maps/${mapId}`} className="rounded px-1.5 py-1 text-sm text-slate-600 hover:bg-slate-100" aria-label={t("backToEditor")}>
                <span aria-hidden>←</span>
              </Link>
              <div className="min-w-0 flex-1">
                <h1 className="truncate text-lg font-semibold text-slate-900" data-testid="version-map-title">{map.title}</h1>
                <p className="text-xs text-slate-600" data-testid="version-name">{t("viewTitle", { name })} · {t("viewSaved", { when, name: version.createdByName ?? t("unknownUser") })}</p>
              </div>
              <span className="rounded bg-amber-50 px-2 py-1 text-xs font-medium text-amber-900" data-testid="read-only-badge">{t("viewReadOnly")}</span>
              <div className="flex items-center gap-1 text-sm">
                <button type="button" onClick={() => zoom.set(zoom.value - 0.1)} className="rounded px-2 py-1 hover:bg-slate-100" aria-label="−">−</button>
                <span className="w-11 text-center text-xs tabular-nums">{Math.round(zoom.value * 100)}%</span>
                <button type="button" onClick={() => zoom.set(zoom.value + 0.1)} className="rounded px-2 py-1 hover:bg-slate-100" aria-label="+">+</button>
              </div>
              <Link href={`/w/${workspaceSlug}/maps/${mapId}`} className="rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-800 hover:bg-slate-50" data-testid="version-back">{t("backToEditor")}</Link>
            </div>
          </header>
        )}
      />
    </div>
  );
}
