"use client";
// The command palette (Ctrl/Cmd+K on every signed-in page, or the shell's search button): one box
// that searches the workspace as you type and offers quick actions. ARIA combobox + listbox:
// focus stays in the input, arrows move the active option (aria-activedescendant), Enter opens it,
// Esc closes and focus returns to where it was.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { groupPaletteOptions, moveActive, optionCount, type QuickAction } from "@/lib/search/group-results";
import type { SearchResult } from "@/lib/search/search-workspace";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { fieldLabel } from "./field-label";
import { Snippet } from "./snippet";

type Props = { slug: string; canCreate: boolean };

const OPEN_EVENT = "journeyboard:open-search";

/** A compact search button (icon only) for the small-screen header; opens the one palette. */
export function SearchIconButton() {
  const t = useTranslations("search");
  return (
    <button
      type="button"
      onClick={() => window.dispatchEvent(new Event(OPEN_EVENT))}
      aria-label={t("openWithShortcut")}
      aria-haspopup="dialog"
      className="flex h-9 w-9 items-center justify-center rounded-md hover:bg-slate-100"
    >
      <span aria-hidden>⌕</span>
    </button>
  );
}

const DEBOUNCE_MS = 120;
const NO_RESULTS: SearchResult[] = [];

export function CommandPalette({ slug, canCreate }: Props) {
  const t = useTranslations("search");
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLElement | null>(null);

  const show = useCallback(() => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen(true);
  }, []);
  const hide = useCallback(() => {
    setOpen(false);
    // Back to where the user was (the button, a cell…), after the dialog is gone.
    const back = opener.current;
    requestAnimationFrame(() => back?.isConnected && back.focus());
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        if (open) return;
        show();
      }
    };
    // Other search buttons (the compact header on small screens) ask through an event.
    const onRequest = () => !open && show();
    window.addEventListener("keydown", onKey);
    window.addEventListener(OPEN_EVENT, onRequest);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener(OPEN_EVENT, onRequest);
    };
  }, [open, show]);

  return (
    <>
      <button
        type="button"
        onClick={show}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        className="mb-2 flex min-h-9 w-full items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-left text-sm text-slate-600 hover:bg-slate-50"
        data-testid="search-button"
      >
        <span aria-hidden>⌕</span>
        <span className="flex-1">{t("open")}</span>
        <kbd aria-hidden className="rounded border border-slate-300 px-1 text-[11px] text-slate-600">{t("shortcut")}</kbd>
      </button>
      {/* In <body>: the button may sit in a navigation that is hidden on small screens. */}
      {open ? createPortal(<PaletteDialog slug={slug} canCreate={canCreate} onClose={hide} />, document.body) : null}
    </>
  );
}

function PaletteDialog({ slug, canCreate, onClose }: Props & { onClose: () => void }) {
  const t = useTranslations("search");
  const router = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<SearchResult[]>([]);
  const [state, setState] = useState<"idle" | "loading" | "done" | "failed">("idle");
  const [active, setActive] = useState(0);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  const base = `/w/${slug}`;
  const actions = useMemo<QuickAction[]>(() => {
    const list: QuickAction[] = [
      { id: "home", label: t("actions.home"), href: base },
      { id: "maps", label: t("actions.maps"), href: `${base}/maps` },
      { id: "personas", label: t("actions.personas"), href: `${base}/personas` },
      { id: "stakeholders", label: t("actions.stakeholders"), href: `${base}/stakeholders` },
      { id: "dashboard", label: t("actions.dashboard"), href: `${base}/dashboard` },
      { id: "inbox", label: t("actions.inbox"), href: `${base}/inbox` },
    ];
    if (canCreate) list.push({ id: "create-map", label: t("actions.createMap"), href: `${base}/maps?new=1`, keywords: t("actions.createMapKeywords").split(" ") });
    return list;
  }, [t, base, canCreate]);

  // Search as you type (debounced; an older answer never replaces a newer one).
  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setState("loading");
      try {
        const res = await fetch(`/api/v1/workspaces/${encodeURIComponent(slug)}/search?q=${encodeURIComponent(q.slice(0, 200))}&limit=30`, { signal: controller.signal });
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as { results: SearchResult[] };
        setResults(body.results);
        setState("done");
      } catch (err) {
        if ((err as Error).name !== "AbortError") setState("failed");
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, slug]);

  const q = query.trim();
  // An emptied box shows the quick actions only (older results stay out of sight).
  const shown = q ? results : NO_RESULTS;
  const status = q ? state : "idle";
  const groups = useMemo(() => groupPaletteOptions(q, actions, shown), [q, actions, shown]);
  const count = optionCount(groups);
  const activeIndex = count === 0 ? -1 : Math.min(active, count - 1);
  const optionId = (i: number) => `${listId}-opt-${i}`;

  const go = (href: string) => {
    onClose();
    router.push(href);
  };
  const hrefAt = (index: number): string | null => {
    for (const g of groups) for (const o of g.options) if (o.index === index) return o.type === "action" ? o.action.href : o.result.path;
    return null;
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp" || ((e.key === "Home" || e.key === "End") && e.ctrlKey)) {
      e.preventDefault();
      const next = moveActive(activeIndex, count, e.key as "ArrowDown" | "ArrowUp" | "Home" | "End");
      setActive(next);
      document.getElementById(optionId(next))?.scrollIntoView({ block: "nearest" });
    } else if (e.key === "Enter") {
      e.preventDefault();
      const href = activeIndex >= 0 ? hrefAt(activeIndex) : null;
      if (href) go(href);
      else if (q) go(`${base}/search?q=${encodeURIComponent(q)}`);
    }
  };

  const groupLabel = (key: string) => t(`groups.${key}` as "groups.map");

  return (
    <ModalDialog onClose={onClose} labelledBy={`${listId}-title`} widthClass="w-[min(40rem,calc(100vw-2rem))]" data-testid="command-palette">
      <h2 id={`${listId}-title`} className="sr-only">{t("dialogLabel")}</h2>
      {/* One scrolling region that holds the input too (sticky): keyboard users reach it (WCAG scrollable-region-focusable). */}
      <div className="max-h-[75vh] overflow-y-auto">
      <div className="sticky top-0 z-10 flex items-center gap-2 border-b border-slate-200 bg-white px-3">
        <span aria-hidden className="text-slate-500">⌕</span>
        <input
          ref={inputRef}
          type="text"
          role="combobox"
          aria-label={t("inputLabel")}
          aria-expanded={count > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeIndex >= 0 ? optionId(activeIndex) : undefined}
          value={query}
          maxLength={200}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          placeholder={t("placeholder")}
          autoComplete="off"
          spellCheck={false}
          className="min-h-12 flex-1 bg-transparent py-3 text-base text-slate-900 outline-none placeholder:text-slate-500"
          data-testid="palette-input"
        />
        <button
          type="button"
          onClick={onClose}
          className="min-h-8 rounded-md px-2 text-sm text-slate-600 hover:bg-slate-100"
        >
          <span aria-hidden>Esc</span>
          <span className="sr-only">{t("close")}</span>
        </button>
      </div>
      <div className="p-2">
        <div id={listId} role="listbox" aria-label={t("dialogLabel")} className="space-y-2" data-testid="palette-list">
          {groups.map((g) => (
            <ul key={g.key} role="group" aria-labelledby={`${listId}-${g.key}`}>
              <li id={`${listId}-${g.key}`} role="presentation" className="px-2 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">{groupLabel(g.key)}</li>
              {g.options.map((o) => {
                const selected = o.index === activeIndex;
                const href = o.type === "action" ? o.action.href : o.result.path;
                return (
                  <li
                    key={`${o.type}-${href}-${o.index}`}
                    id={optionId(o.index)}
                    role="option"
                    aria-selected={selected}
                    onMouseMove={() => activeIndex !== o.index && setActive(o.index)}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => go(href)}
                    className={`flex min-h-9 scroll-mt-14 scroll-mb-10 cursor-pointer flex-col justify-center rounded-md px-2 py-1.5 text-sm ${selected ? "bg-brand-50 text-slate-900 outline outline-2 -outline-offset-2 outline-brand-500" : "text-slate-800"}`}
                    data-testid={o.type === "action" ? `palette-action-${o.action.id}` : "palette-result"}
                    data-kind={o.type === "result" ? o.result.kind : "action"}
                  >
                    {o.type === "action" ? (
                      <span className="font-medium">{o.action.label}</span>
                    ) : (
                      <>
                        <span className="flex items-baseline gap-2">
                          <span className="truncate font-medium">{o.result.title}</span>
                          <span className="shrink-0 text-xs text-slate-600">{fieldLabel(t, o.result.field)}</span>
                        </span>
                        {o.result.context ? <span className="truncate text-xs text-slate-600">{o.result.context}</span> : null}
                        {o.result.field !== "title" && o.result.field !== "name" ? <Snippet parts={o.result.snippet} className="line-clamp-2 text-xs text-slate-700" /> : null}
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          ))}
        </div>
        {status === "done" && shown.length === 0 ? <p className="px-2 py-3 text-sm text-slate-600">{t("noResults", { q })}</p> : null}
        {status === "failed" ? <p className="px-2 py-3 text-sm text-red-700" role="alert">{t("failed")}</p> : null}
      </div>
      <div className="sticky bottom-0 flex items-center justify-between gap-2 border-t border-slate-200 bg-white px-3 py-2 text-xs text-slate-600">
        <span aria-hidden>{t("hint")}</span>
        {q ? (
          <a href={`${base}/search?q=${encodeURIComponent(q)}`} onClick={(e) => { e.preventDefault(); go(`${base}/search?q=${encodeURIComponent(q)}`); }} className="font-medium text-brand-700 hover:underline" data-testid="palette-see-all">
            {t("seeAll", { q })}
          </a>
        ) : null}
      </div>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {status === "loading" ? t("searching") : status === "done" ? t("resultCount", { count: shown.length }) : ""}
      </p>
    </ModalDialog>
  );
}
