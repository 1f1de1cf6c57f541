"use client";
// The editor's export dialog: format (PDF poster, PNG, XLSX, CSV, JSON); for the poster the paper
// (A3/A2 landscape), split across pages or one long page, which lanes, and the language. The file
// is built on the server (GET /api/v1/maps/{id}/export); the request keeps running when the
// dialog is closed and the file downloads when ready.
import { useEffect, useRef, useState } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

const FORMATS = ["pdf", "png", "xlsx", "csv", "json"] as const;
type Format = (typeof FORMATS)[number];
export type ExportLaneOption = { key: string; label: string };

function fileNameFrom(disposition: string | null, fallback: string): string {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      // fall through to the plain name
    }
  }
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportDialog({ mapId, lanes, onClose, onDone, onPrint }: {
  mapId: string;
  lanes: ExportLaneOption[];
  onClose: () => void;
  onDone: (message: string, tone: "info" | "error") => void;
  onPrint: () => void;
}) {
  const t = useTranslations("exchange.export");
  const locale = useLocale();
  const [format, setFormat] = useState<Format>("pdf");
  const [paper, setPaper] = useState<"a3" | "a2">("a3");
  const [pages, setPages] = useState<"split" | "single">("split");
  const [language, setLanguage] = useState<"en" | "de">(locale === "de" ? "de" : "en");
  const [chosenLanes, setChosenLanes] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Still on screen when the export finishes? (The user may close the dialog while it runs.)
  const open = useRef(true);
  useEffect(() => () => {
    open.current = false;
  }, []);
  const poster = format === "pdf" || format === "png";

  const run = async () => {
    setBusy(true);
    setError(null);
    const params = new URLSearchParams({ format });
    if (poster) {
      params.set("paper", paper);
      params.set("locale", language);
      if (format === "pdf") params.set("pages", pages);
      if (chosenLanes) params.set("lanes", chosenLanes.join(","));
    }
    try {
      const response = await fetch(`/api/v1/maps/${mapId}/export?${params}`);
      if (!response.ok) throw new Error(String(response.status));
      const name = fileNameFrom(response.headers.get("content-disposition"), `journey-map.${format}`);
      download(await response.blob(), name);
      onDone(t("done", { file: name }), "info");
      if (open.current) onClose();
    } catch (err) {
      const message = t("failed", { status: err instanceof Error ? err.message : "?" });
      if (open.current) setError(message);
      else onDone(message, "error");
    } finally {
      setBusy(false);
    }
  };

  return (
    <ModalDialog onClose={onClose} labelledBy="export-title" data-testid="export-dialog">
      <form
        className="p-5"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <h2 id="export-title" className="mb-4 text-lg font-semibold text-slate-900">{t("title")}</h2>
        <fieldset>
          <legend className="mb-1.5 text-sm font-medium text-slate-700">{t("format")}</legend>
          <div className="grid gap-1.5">
            {FORMATS.map((f) => (
              <label key={f} className={`flex cursor-pointer gap-2 rounded-md border px-3 py-2 text-sm ${format === f ? "border-brand-500 bg-brand-50/60" : "border-slate-200 hover:border-slate-300"}`}>
                <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} className="mt-0.5 accent-brand-600" data-testid={`export-format-${f}`} />
                <span>
                  <span className="block font-medium text-slate-900">{t(`formats.${f}`)}</span>
                  <span className="block text-xs text-slate-600">{t(`formatHints.${f}`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        {poster ? (
          <div className="mt-4 grid gap-3 sm:grid-cols-2">
            <label className="text-sm">
              <span className="mb-1 block font-medium text-slate-700">{t("paper")}</span>
              <select value={paper} onChange={(e) => setPaper(e.target.value as "a3" | "a2")} className="w-full rounded-md border border-slate-300 px-2 py-1.5" data-testid="export-paper">
                <option value="a3">{t("papers.a3")}</option>
                <option value="a2">{t("papers.a2")}</option>
              </select>
            </label>
            <label className="text-sm">
              <span className="mb-1 block font-medium text-slate-700">{t("language")}</span>
              <select value={language} onChange={(e) => setLanguage(e.target.value as "en" | "de")} className="w-full rounded-md border border-slate-300 px-2 py-1.5">
                <option value="en">{t("languages.en")}</option>
                <option value="de">{t("languages.de")}</option>
              </select>
            </label>
            {format === "pdf" ? (
              <fieldset className="text-sm sm:col-span-2">
                <legend className="mb-1 font-medium text-slate-700">{t("pagination")}</legend>
                {(["split", "single"] as const).map((p) => (
                  <label key={p} className="mr-4 inline-flex items-center gap-1.5">
                    <input type="radio" name="pages" checked={pages === p} onChange={() => setPages(p)} className="accent-brand-600" data-testid={`export-pages-${p}`} />
                    {t(`paginations.${p}`)}
                  </label>
                ))}
              </fieldset>
            ) : null}
            <fieldset className="text-sm sm:col-span-2">
              <legend className="mb-1 font-medium text-slate-700">{t("lanes")}</legend>
              <label className="mb-1 inline-flex items-center gap-1.5">
                <input type="checkbox" checked={chosenLanes === null} onChange={(e) => setChosenLanes(e.target.checked ? null : lanes.map((l) => l.key))} />
                {t("allLanes")}
              </label>
              {chosenLanes ? (
                <div className="grid max-h-36 grid-cols-2 gap-x-3 overflow-y-auto rounded border border-slate-200 p-2">
                  {lanes.map((l) => (
                    <label key={l.key} className="inline-flex items-center gap-1.5 truncate">
                      <input
                        type="checkbox"
                        checked={chosenLanes.includes(l.key)}
                        onChange={(e) => setChosenLanes((cur) => (e.target.checked ? lanes.map((x) => x.key).filter((k) => k === l.key || cur?.includes(k)) : (cur ?? []).filter((k) => k !== l.key)))}
                      />
                      {l.label}
                    </label>
                  ))}
                </div>
              ) : null}
            </fieldset>
          </div>
        ) : null}
        {busy ? (
          <div className="mt-4" role="status" aria-live="polite">
            <p className="mb-1 text-sm text-slate-700">{t("preparing")}</p>
            <div className="h-1.5 overflow-hidden rounded bg-slate-100">
              <div className="h-full w-1/3 animate-pulse rounded bg-brand-500" />
            </div>
          </div>
        ) : null}
        {error ? <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{error}</p> : null}
        <div className="mt-5 flex flex-wrap items-center justify-between gap-2">
          <Button variant="ghost" size="sm" onClick={() => { onClose(); onPrint(); }} data-testid="print-map">{t("print")}</Button>
          <div className="flex gap-2">
            <Button variant="secondary" onClick={onClose}>{t("cancel")}</Button>
            <Button type="submit" disabled={busy} data-testid="export-download">{busy ? t("preparing") : t("download")}</Button>
          </div>
        </div>
      </form>
    </ModalDialog>
  );
}
