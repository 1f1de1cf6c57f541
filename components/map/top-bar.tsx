"use client";
// The editor's top bar: editable title and expected outcome, linked personas, state (current /
// future), cycle flag, who is here, the connection state, undo/redo, zoom, export, shortcuts.
import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { getOutcomeText, getTitleText, setCyclic, setPersonaIds, setState, type MapState } from "@/lib/maps/map-document";
import { CollabText } from "@/components/collab/collab-text";
import { useEditor } from "./editor-context";
import { ShareButton } from "@/components/sharing/share-dialog";
import { HistoryPanel } from "./history-panel";
import { SaveTemplateButton } from "./save-template-dialog";
import type { ConnectionStatus } from "./use-map-doc";
import type { PresenceUser } from "./use-presence";
import { readableTextColor } from "@/components/ui/readable-text-color";

type Props = {
  workspaceSlug: string;
  mapId: string;
  status: ConnectionStatus;
  people: PresenceUser[];
  me: PresenceUser;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  zoom: number;
  onZoom: (zoom: number) => void;
  onFitMap: () => void;
  onFitStage: () => void;
  onExport: () => void;
  exporting: boolean;
  onShortcuts: () => void;
  /** More top-bar buttons (comments, activity & review), before History. */
  extraActions?: React.ReactNode;
  onAddTouchpoint: () => void;
  onRestore?: (versionId: string, label: string) => Promise<boolean>;
};

export function TopBar(props: Props) {
  const t = useTranslations("editor");
  const tc = useTranslations("common");
  const tx = useTranslations("exchange.export");
  const { doc, origin, canEdit, map, edit } = useEditor();
  const [historyOpen, setHistoryOpen] = useState(false);
  return (
    <header className="border-b border-slate-200 bg-white px-3 py-2 sm:px-4" data-testid="editor-top-bar">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <Link href={`/w/${props.workspaceSlug}/maps`} className="rounded px-1.5 py-1 text-sm text-slate-600 hover:bg-slate-100" aria-label={t("backToMaps")}>
          <span aria-hidden>←</span>
        </Link>
        <div className="min-w-48 flex-1">
          {canEdit ? (
            <CollabText
              text={getTitleText(doc)}
              origin={origin}
              aria-label={t("mapTitle")}
              placeholder={t("untitledMap")}
              maxLength={300}
              onKeyDown={(e) => {
                if (e.key === "Enter" || e.key === "Escape") e.currentTarget.blur();
              }}
              className="w-full truncate rounded border border-transparent px-1.5 py-0.5 text-lg font-semibold text-slate-900 hover:border-slate-200 focus:border-brand-500 focus:outline-none"
              data-testid="map-title"
              data-presence="map|title"
            />
          ) : (
            <h1 className="truncate px-1.5 text-lg font-semibold text-slate-900" data-testid="map-title">{map.title || t("untitledMap")}</h1>
          )}
          <div className="flex items-center gap-1 px-1.5 text-xs text-slate-600">
            <span className="shrink-0 font-medium">{t("outcome")}:</span>
            {canEdit ? (
              <CollabText
                text={getOutcomeText(doc)}
                origin={origin}
                aria-label={t("outcome")}
                placeholder={t("outcomePlaceholder")}
                maxLength={2000}
                onKeyDown={(e) => {
                  if (e.key === "Enter" || e.key === "Escape") e.currentTarget.blur();
                }}
                className="min-h-6 min-w-0 flex-1 truncate rounded border border-transparent px-1 py-0 text-xs hover:border-slate-200 focus:border-brand-500 focus:outline-none"
                data-testid="map-outcome"
                data-presence="map|outcome"
              />
            ) : (
              <span className="truncate">{map.outcome || "—"}</span>
            )}
          </div>
        </div>

        <PersonaPicker />

        <div role="group" aria-label={t("state")} className="inline-flex rounded-md border border-slate-300 text-xs font-medium" data-testid="map-state">
          {(["current", "future"] as MapState[]).map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={map.state === s}
              disabled={!canEdit && map.state !== s}
              onClick={() => canEdit && map.state !== s && edit((d) => setState(d, s))}
              className={`px-2.5 py-1 first:rounded-l-md last:rounded-r-md ${map.state === s ? (s === "future" ? "bg-violet-600 text-white" : "bg-slate-900 text-white") : "text-slate-700 enabled:hover:bg-slate-100 disabled:text-slate-400"}`}
            >
              {t(`mapState.${s}`)}
            </button>
          ))}
        </div>

        <label className={`inline-flex items-center gap-1.5 text-xs font-medium text-slate-700 ${canEdit ? "" : "opacity-70"}`} title={t("cyclicHint")}>
          <input type="checkbox" checked={map.cyclic} disabled={!canEdit} onChange={(e) => edit((d) => setCyclic(d, e.target.checked))} data-testid="map-cyclic" />
          <span aria-hidden>↺</span> {t("cyclic")}
        </label>

        <PresenceAvatars people={props.people} me={props.me} />
        <StatusPill status={props.status} readOnly={!canEdit} />
      </div>

      <div className="mt-2 flex flex-wrap items-center gap-2" role="toolbar" aria-label={t("toolbar")}>
        {canEdit ? (
          <>
            <button type="button" onClick={props.onAddTouchpoint} className="rounded-md bg-brand-600 px-2.5 py-1 text-sm font-medium text-white hover:bg-brand-700" data-testid="add-touchpoint" title={`${t("addTouchpoint")} (N)`}>
              + {t("addTouchpoint")}
            </button>
            <span className="mx-1 h-5 w-px bg-slate-200" aria-hidden />
            <button type="button" onClick={props.onUndo} disabled={!props.canUndo} className="rounded-md px-2 py-1 text-sm text-slate-700 enabled:hover:bg-slate-100 disabled:text-slate-300" data-testid="undo" title={`${tc("undo")} (Ctrl/⌘+Z)`}>
              <span aria-hidden>↶ </span>{tc("undo")}
            </button>
            <button type="button" onClick={props.onRedo} disabled={!props.canRedo} className="rounded-md px-2 py-1 text-sm text-slate-700 enabled:hover:bg-slate-100 disabled:text-slate-300" data-testid="redo" title={`${t("redo")} (Shift+Ctrl/⌘+Z)`}>
              <span aria-hidden>↷ </span>{t("redo")}
            </button>
            <span className="mx-1 h-5 w-px bg-slate-200" aria-hidden />
          </>
        ) : (
          <span className="rounded bg-slate-100 px-2 py-1 text-xs font-medium text-slate-700" data-testid="read-only-badge">{tc("readOnly")}</span>
        )}
        <div role="group" aria-label={t("zoom")} className="flex items-center gap-1 text-sm">
          <button type="button" onClick={() => props.onZoom(props.zoom - 0.1)} aria-label={t("zoomOut")} className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100">−</button>
          <span className="w-11 text-center text-xs tabular-nums text-slate-600" aria-live="polite">{Math.round(props.zoom * 100)}%</span>
          <button type="button" onClick={() => props.onZoom(props.zoom + 0.1)} aria-label={t("zoomIn")} className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100">+</button>
          <button type="button" onClick={props.onFitStage} className="rounded px-2 py-1 text-xs text-slate-700 hover:bg-slate-100" data-testid="fit-stage">{t("fitStage")}</button>
          <button type="button" onClick={props.onFitMap} className="rounded px-2 py-1 text-xs text-slate-700 hover:bg-slate-100" data-testid="fit-map">{t("fitMap")}</button>
        </div>
        <div className="ml-auto flex items-center gap-1">
          <ShareButton workspaceSlug={props.workspaceSlug} kind="map" docId={props.mapId} canEdit={canEdit} />
          {canEdit ? <SaveTemplateButton workspaceSlug={props.workspaceSlug} mapId={props.mapId} /> : null}
          {props.extraActions}
          <button type="button" onClick={() => setHistoryOpen(true)} aria-haspopup="dialog" className="rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-800 hover:bg-slate-50" data-testid="history-button">
            {t("historyButton")}
          </button>
          <button type="button" onClick={props.onExport} disabled={props.exporting} aria-haspopup="dialog" className="rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-800 hover:bg-slate-50 disabled:text-slate-400" data-testid="export">
            {props.exporting ? t("exporting") : tx("button")}
          </button>
          <button type="button" onClick={props.onShortcuts} aria-label={t("shortcutsTitle")} title={`${t("shortcutsTitle")} (?)`} className="rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-800 hover:bg-slate-50" data-testid="shortcuts-button">
            ?
          </button>
        </div>
      </div>
      <HistoryPanel open={historyOpen} onClose={() => setHistoryOpen(false)} workspaceSlug={props.workspaceSlug} mapId={props.mapId} canEdit={canEdit} onRestore={props.onRestore} />
    </header>
  );
}

function initials(name: string) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts.length > 1 ? parts[parts.length - 1][0] : "")).toUpperCase();
}

function PresenceAvatars({ people, me }: { people: PresenceUser[]; me: PresenceUser }) {
  const t = useTranslations("editor");
  const others = people.filter((p) => p.id !== me.id);
  const shown = others.slice(0, 6);
  return (
    <div className="flex items-center" aria-label={t("presence", { count: others.length + 1 })} role="group" data-testid="presence">
      {[me, ...shown].map((p, i) => (
        <span
          key={p.id}
          title={p.id === me.id ? t("you", { name: p.name }) : p.name}
          data-testid="presence-avatar"
          data-user-name={p.name}
          className={`flex h-7 w-7 items-center justify-center rounded-full text-[11px] font-bold text-white ring-2 ring-white ${i ? "-ml-1.5" : ""}`}
          style={{ background: p.color, color: readableTextColor(p.color) }}
        >
          <span aria-hidden>{initials(p.name)}</span>
          <span className="sr-only">{p.id === me.id ? t("you", { name: p.name }) : p.name}</span>
        </span>
      ))}
      {others.length > shown.length ? <span className="-ml-1.5 flex h-7 min-w-7 items-center justify-center rounded-full bg-slate-200 px-1 text-[11px] font-semibold text-slate-700 ring-2 ring-white">+{others.length - shown.length}</span> : null}
    </div>
  );
}

function StatusPill({ status, readOnly }: { status: ConnectionStatus; readOnly: boolean }) {
  const t = useTranslations("editor");
  const tc = useTranslations("common");
  const view: Record<ConnectionStatus, { label: string; tone: string; icon: string }> = {
    connecting: { label: t("connecting"), tone: "bg-slate-100 text-slate-700", icon: "…" },
    saved: { label: readOnly ? t("live") : tc("saved"), tone: "bg-green-50 text-green-800", icon: "✓" },
    saving: { label: tc("saving"), tone: "bg-amber-50 text-amber-900", icon: "↻" },
    offline: { label: tc("offline"), tone: "bg-slate-200 text-slate-800", icon: "⚡" },
    signedOut: { label: t("signedOut"), tone: "bg-red-50 text-red-800", icon: "!" },
    forbidden: { label: t("forbidden"), tone: "bg-red-50 text-red-800", icon: "!" },
    rejected: { label: t("rejected"), tone: "bg-red-50 text-red-800", icon: "!" },
  };
  const v = view[status];
  return (
    <span role="status" aria-live="polite" className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2.5 py-1 text-xs font-medium ${v.tone}`} data-testid="connection-status" data-status={status}>
      <span aria-hidden>{v.icon}</span>
      {v.label}
    </span>
  );
}

function PersonaPicker() {
  const t = useTranslations("editor");
  const { personas, map, canEdit, edit } = useEditor();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onDown);
    return () => document.removeEventListener("pointerdown", onDown);
  }, [open]);
  const linked = map.personaIds.map((id) => personas.find((p) => p.id === id)).filter((p): p is NonNullable<typeof p> => !!p);
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...map.personaIds, id] : map.personaIds.filter((x) => x !== id);
    edit((d) => setPersonaIds(d, next));
  };
  return (
    <div ref={ref} className="relative" data-testid="personas">
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-label={t("personasLabel", { count: linked.length })}
        className="flex items-center gap-1 rounded-md px-1.5 py-1 hover:bg-slate-100"
      >
        {linked.length ? (
          <span className="flex">
            {linked.slice(0, 4).map((p, i) => (
              <span key={p.id} title={p.name} className={`flex h-7 w-7 items-center justify-center rounded-full text-[11px] font-bold text-white ring-2 ring-white ${i ? "-ml-1.5" : ""}`} style={{ background: p.avatarColor, color: readableTextColor(p.avatarColor) }}>
                {initials(p.name)}
              </span>
            ))}
          </span>
        ) : (
          <span className="text-xs text-slate-500">{t("noPersonas")}</span>
        )}
        <span className="text-xs font-medium text-slate-700">{t("personas")}</span>
      </button>
      {open ? (
        <div
          className="absolute right-0 top-full z-50 mt-1 w-64 rounded-md border border-slate-200 bg-white p-2 shadow-lg [&_li]:py-0.5"
          onKeyDown={(e) => {
            if (e.key === "Escape") setOpen(false);
          }}
        >
          {personas.length === 0 ? <p className="p-1 text-sm text-slate-600">{t("noWorkspacePersonas")}</p> : null}
          <ul className="max-h-72 overflow-y-auto">
            {personas.map((p) => {
              const on = map.personaIds.includes(p.id);
              return (
                <li key={p.id}>
                  <label className="flex items-center gap-2 rounded px-1 py-1 text-sm hover:bg-slate-50">
                    <input type="checkbox" className="h-4 w-4" checked={on} disabled={!canEdit} onChange={(e) => toggle(p.id, e.target.checked)} />
                    <span className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-[10px] font-bold text-white" style={{ background: p.avatarColor, color: readableTextColor(p.avatarColor) }} aria-hidden>
                      {initials(p.name)}
                    </span>
                    <span className="min-w-0">
                      <span className="block truncate font-medium text-slate-800">{p.name}</span>
                      {p.segment ? <span className="block truncate text-xs text-slate-500">{p.segment}</span> : null}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
