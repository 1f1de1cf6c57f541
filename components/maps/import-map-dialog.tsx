"use client";
// "New map → Import": drop a .json, .csv or .xlsx file → the server proposes a column mapping →
// the user corrects it → a preview with every problem by row and column → "Create map", enabled
// only when no row is in error. Both steps go to POST …/maps/import (with `?preview=1` first), so
// the browser shows real upload progress and nothing is created before the user confirms.
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { IMPORT_TARGETS, type ImportTarget } from "@/lib/import/column-mapping";

type Problem = { row: number; column: string; code: string; params?: Record<string, string | number>; message: string };
type Analysis = {
  kind: "csv" | "xlsx" | "json";
  headers: string[];
  mapping: ImportTarget[];
  samples: string[];
  preview: string[][];
  rowCount: number;
  touchpointCount: number;
  stageCount: number;
  problems: Problem[];
  title: string;
  ready: boolean;
};
type Phase = { kind: "idle" } | { kind: "uploading"; percent: number } | { kind: "processing" } | { kind: "creating"; percent: number };

/** POSTs a form with upload progress (fetch has none); resolves with status and JSON body. */
function sendForm(url: string, form: FormData, onProgress: (percent: number) => void, onUploaded: () => void): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.upload.onload = onUploaded;
    xhr.onload = () => resolve({ status: xhr.status, body: xhr.response });
    xhr.onerror = () => reject(new Error("network"));
    xhr.send(form);
  });
}

const FIELD_KEYS: Record<ImportTarget, string> = {
  stage: "stage", title: "lanes.title", channel: "lanes.channel", device: "lanes.device", department: "lanes.department",
  owner: "responsiblePerson", activity: "lanes.activity", goal: "lanes.goal", informationNeeded: "lanes.informationNeeded",
  thoughts: "lanes.thoughts", emotion: "lanes.emotion", momentOfTruth: "lanes.momentOfTruth", painPoints: "lanes.painPoints",
  opportunities: "lanes.opportunities", systems: "lanes.systems", kpis: "lanes.kpis", evidence: "lanes.evidence", lane: "", ignore: "",
  // Issue 13 (method): labels in the "method" namespace.
  momentOfTruthKind: "method:columns.momentOfTruthKind", priority: "method:columns.priority", superfluous: "method:columns.superfluous",
  timeToNext: "method:columns.timeToNext",
};

export function ImportMapDialog({ slug, onClose }: { slug: string; onClose: () => void }) {
  const t = useTranslations("exchange.import");
  const tp = useTranslations("exchange.problems");
  const te = useTranslations("editor");
  const tm = useTranslations("method");
  const tc = useTranslations("common");
  const locale = useLocale() === "de" ? "de" : "en";
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [mapping, setMapping] = useState<ImportTarget[]>([]);
  const [title, setTitle] = useState("");
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [stale, setStale] = useState(false);
  const busy = phase.kind !== "idle";
  const url = `/api/v1/workspaces/${encodeURIComponent(slug)}/maps/import`;

  const problemText = (p: Problem) => (tp.has(p.code) ? tp(p.code, { value: "", max: "", field: "", kind: "", detail: "", ...p.params }) : p.message);

  const form = (f: File, withMapping: boolean) => {
    const data = new FormData();
    data.set("file", f);
    if (title.trim()) data.set("title", title.trim());
    if (withMapping && mapping.length) data.set("mapping", JSON.stringify(mapping));
    return data;
  };

  const check = async (f: File, withMapping: boolean) => {
    setError(null);
    setPhase({ kind: "uploading", percent: 0 });
    try {
      const { status, body } = await sendForm(`${url}?preview=1`, form(f, withMapping), (percent) => setPhase({ kind: "uploading", percent }), () => setPhase({ kind: "processing" }));
      if (status !== 200) {
        const err = (body as { error?: { message?: string; rows?: Problem[] } } | null)?.error;
        const first = err?.rows?.[0];
        setError(t("failed", { message: first ? problemText(first) : err?.message ?? String(status) }));
        setAnalysis(null);
        return;
      }
      const result = body as Analysis;
      setAnalysis(result);
      setMapping(result.mapping);
      if (!title.trim()) setTitle(result.title);
      setStale(false);
    } catch {
      setError(t("failed", { message: "network" }));
    } finally {
      setPhase({ kind: "idle" });
    }
  };

  const choose = (f: File | undefined | null) => {
    if (!f) return;
    setFile(f);
    setAnalysis(null);
    setMapping([]);
    setTitle("");
    void check(f, false);
  };

  const create = async () => {
    if (!file || !analysis?.ready || stale) return;
    setError(null);
    setPhase({ kind: "creating", percent: 0 });
    try {
      const { status, body } = await sendForm(url, form(file, true), (percent) => setPhase({ kind: "creating", percent }), () => undefined);
      if (status === 201) {
        router.push(`/w/${slug}/maps/${(body as { id: string }).id}`);
        return;
      }
      const err = (body as { error?: { message?: string; rows?: Problem[] } } | null)?.error;
      if (err?.rows?.length && analysis) setAnalysis({ ...analysis, problems: err.rows, ready: false });
      setError(t("failed", { message: err?.message ?? String(status) }));
      setPhase({ kind: "idle" });
    } catch {
      setError(t("failed", { message: "network" }));
      setPhase({ kind: "idle" });
    }
  };

  const problemCells = new Set(analysis?.problems.map((p) => `${p.row}|${p.column}`));
  const rowProblems = new Set(analysis?.problems.map((p) => p.row));

  return (
    <ModalDialog onClose={() => { if (!busy) onClose(); }} labelledBy="import-title" widthClass="w-[min(64rem,calc(100vw-2rem))]" data-testid="import-dialog">
      <div className="max-h-[85vh] overflow-y-auto p-5">
        <h2 id="import-title" className="mb-3 text-lg font-semibold text-slate-900">{t("title")}</h2>

        {!analysis ? (
          <div
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              choose(e.dataTransfer.files[0]);
            }}
            className={`rounded-lg border-2 border-dashed px-6 py-10 text-center ${dragging ? "border-brand-500 bg-brand-50" : "border-slate-300"}`}
            data-testid="import-drop"
          >
            <p className="text-sm font-medium text-slate-800">{t("drop")}</p>
            <p className="mt-1 text-xs text-slate-600">{t("dropHint")}</p>
            <input ref={input} type="file" accept=".json,.csv,.xlsx,application/json,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className="sr-only" onChange={(e) => choose(e.target.files?.[0])} data-testid="import-file" aria-label={t("choose")} />
            <Button className="mt-3" variant="secondary" onClick={() => input.current?.click()} disabled={busy}>{t("choose")}</Button>
            <p className="mt-4 flex justify-center gap-4 text-xs">
              <a className="text-brand-700 underline" href={`/api/v1/workspaces/${slug}/maps/import/template?format=csv&locale=${locale}`} download data-testid="import-template-csv">{t("templateCsv")}</a>
              <a className="text-brand-700 underline" href={`/api/v1/workspaces/${slug}/maps/import/template?format=xlsx&locale=${locale}`} download>{t("templateXlsx")}</a>
            </p>
          </div>
        ) : (
          <>
            <label className="block text-sm">
              <span className="mb-1 block font-medium text-slate-700">{t("mapTitle")}</span>
              <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={300} className="w-full rounded-md border border-slate-300 px-2.5 py-1.5" data-testid="import-title" />
            </label>

            {analysis.kind === "json" ? (
              <p className="mt-3 text-sm text-slate-700">{t("jsonReady", { count: analysis.touchpointCount, stages: analysis.stageCount })}</p>
            ) : (
              <section className="mt-4">
                <h3 className="text-sm font-semibold text-slate-900">{t("mapping")}</h3>
                <p className="mb-2 text-xs text-slate-600">{t("mappingHint")}</p>
                <div className="overflow-x-auto">
                  <table className="w-full text-sm">
                    <thead>
                      <tr className="text-left text-xs text-slate-500">
                        <th className="py-1 pr-3 font-medium">{t("column")}</th>
                        <th className="py-1 pr-3 font-medium">{t("field")}</th>
                        <th className="py-1 font-medium">{t("sample")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {analysis.headers.map((h, i) => (
                        <tr key={i} className="border-t border-slate-100">
                          <td className="py-1 pr-3 font-medium text-slate-800">{h || `#${i + 1}`}</td>
                          <td className="py-1 pr-3">
                            <select
                              value={mapping[i] ?? "ignore"}
                              aria-label={`${t("field")}: ${h}`}
                              data-testid={`import-mapping-${i}`}
                              onChange={(e) => {
                                const next = [...mapping];
                                next[i] = e.target.value as ImportTarget;
                                setMapping(next);
                                setStale(true);
                              }}
                              className="rounded-md border border-slate-300 px-2 py-1 text-sm"
                            >
                              {IMPORT_TARGETS.map((target) => (
                                <option key={target} value={target}>
                                  {target === "ignore" ? t("ignore") : target === "lane" ? t("customLane", { name: h }) : FIELD_KEYS[target].startsWith("method:") ? tm(FIELD_KEYS[target].slice(7) as "columns.priority") : te(FIELD_KEYS[target])}
                                </option>
                              ))}
                            </select>
                          </td>
                          <td className="max-w-xs truncate py-1 text-xs text-slate-600" title={analysis.samples[i]}>{analysis.samples[i]}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {stale ? (
                  <Button className="mt-2" size="sm" variant="secondary" onClick={() => file && void check(file, true)} disabled={busy} data-testid="import-recheck">{t("recheck")}</Button>
                ) : null}
              </section>
            )}

            <section className="mt-4" aria-live="polite">
              {analysis.problems.length ? (
                <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="import-problems">
                  <p className="font-medium">{t("problems", { count: analysis.problems.length })}</p>
                  <ul className="mt-1 max-h-40 list-disc overflow-y-auto pl-5 text-xs">
                    {analysis.problems.slice(0, 200).map((p, i) => (
                      <li key={i} data-testid="import-problem">{p.row ? `${t("row")} ${p.row}${p.column ? `, ${p.column}` : ""}: ` : ""}{problemText(p)}</li>
                    ))}
                  </ul>
                </div>
              ) : stale ? null : (
                <p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800" data-testid="import-ok">✓ {t("noProblems")}</p>
              )}
            </section>

            {analysis.kind !== "json" && analysis.preview.length ? (
              <section className="mt-4">
                <h3 className="text-sm font-semibold text-slate-900">{t("preview")}</h3>
                <p className="mb-2 text-xs text-slate-600">{t("previewHint", { count: analysis.touchpointCount, stages: analysis.stageCount, shown: Math.min(analysis.preview.length, 50) })}</p>
                <div className="max-h-72 overflow-auto rounded border border-slate-200">
                  <table className="text-xs" data-testid="import-preview">
                    <thead className="sticky top-0 bg-slate-50">
                      <tr>
                        <th className="px-2 py-1 text-left font-medium text-slate-500">{t("row")}</th>
                        {analysis.headers.map((h, i) => <th key={i} className="whitespace-nowrap px-2 py-1 text-left font-medium text-slate-700">{h}</th>)}
                      </tr>
                    </thead>
                    <tbody>
                      {analysis.preview.map((row, r) => (
                        <tr key={r} className={rowProblems.has(r + 2) ? "bg-red-50/60" : ""}>
                          <td className="px-2 py-1 text-slate-500">{r + 2}</td>
                          {analysis.headers.map((h, c) => {
                            const bad = problemCells.has(`${r + 2}|${h}`);
                            return (
                              <td key={c} className={`max-w-[14rem] truncate px-2 py-1 ${bad ? "bg-red-100 font-medium text-red-800 ring-1 ring-inset ring-red-400" : "text-slate-800"}`} title={row[c]} data-problem={bad || undefined}>
                                {bad ? "⚠ " : ""}{row[c]}
                              </td>
                            );
                          })}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            ) : null}
          </>
        )}

        {phase.kind !== "idle" ? (
          <div className="mt-4" role="status" aria-live="polite" data-testid="import-progress">
            <p className="mb-1 text-sm text-slate-700">
              {phase.kind === "uploading" ? t("uploading", { percent: phase.percent }) : phase.kind === "creating" ? t("creating") : t("processing", { count: analysis?.rowCount ?? 0 })}
            </p>
            <div className="h-1.5 overflow-hidden rounded bg-slate-100">
              <div
                className={`h-full rounded bg-brand-500 transition-[width] ${phase.kind === "processing" ? "w-full animate-pulse" : ""}`}
                style={phase.kind === "processing" ? undefined : { width: `${Math.max(5, phase.percent)}%` }}
                role="progressbar"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={phase.kind === "processing" ? undefined : phase.percent}
              />
            </div>
          </div>
        ) : null}
        {error ? <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" data-testid="import-error">{error}</p> : null}

        <div className="mt-5 flex flex-wrap justify-between gap-2">
          <div>
            {analysis ? (
              <Button variant="ghost" onClick={() => { setAnalysis(null); setFile(null); setError(null); }} disabled={busy}>{t("back")}</Button>
            ) : null}
          </div>
          <div className="flex gap-2">
            <Button variant="secondary" onClick={onClose} disabled={busy}>{tc("cancel")}</Button>
            <Button onClick={() => void create()} disabled={busy || !analysis?.ready || stale || !title.trim()} data-testid="import-create">
              {phase.kind === "creating" ? t("creating") : t("create")}
            </Button>
          </div>
        </div>
      </div>
    </ModalDialog>
  );
}
