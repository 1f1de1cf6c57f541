"use client";
// "Journey outcomes" (issue 13): the map's journey-level KPIs (CSAT, CES, NPS, retention, conversion,
// revenue, custom) with targets, edited in the live document, each with its recorded history as a
// trend (GET /api/v1/maps/{id}/metrics?scope=journey). Opened from the editor's top bar.
import { useCallback, useId, useState } from "react";
import { useTranslations } from "next-intl";
import type * as Y from "yjs";
import { KpiTrend } from "@/components/charts/kpi-trend";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { addJourneyKpi, JOURNEY_KPI_METRICS, removeJourneyKpi, updateJourneyKpi, type JourneyKpi, type JourneyKpiMetric } from "@/lib/maps/map-document";
import type { KpiHistorySeries } from "@/lib/maps/get-kpi-history";
import { useEditor } from "./editor-context";

const inputClass =
  "block w-full min-h-8 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 disabled:bg-slate-50 disabled:text-slate-600";

/** Loads the KPI history of a map from the metrics API (viewers may read it). */
export function useKpiHistory(mapId: string, query: string) {
  const [series, setSeries] = useState<KpiHistorySeries[] | null>(null);
  const load = useCallback(async () => {
    try {
      const res = await fetch(`/api/v1/maps/${mapId}/metrics?${query}`, { credentials: "same-origin" });
      setSeries(res.ok ? ((await res.json()) as { series: KpiHistorySeries[] }).series : []);
    } catch {
      setSeries([]);
    }
  }, [mapId, query]);
  return { series, load };
}

export function JourneyOutcomesButton({ mapId }: { mapId: string }) {
  const t = useTranslations("curves.outcomes");
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        className="rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-800 hover:bg-slate-50"
        data-testid="journey-outcomes-button"
      >
        {t("open")}
      </button>
      {open ? <JourneyOutcomesDialog mapId={mapId} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function JourneyOutcomesDialog({ mapId, onClose }: { mapId: string; onClose: () => void }) {
  const t = useTranslations("curves.outcomes");
  const tm = useTranslations("curves.metrics");
  const { map, canEdit, edit } = useEditor();
  const headingId = useId();
  const { series, load } = useKpiHistory(mapId, "scope=journey");
  const [newMetric, setNewMetric] = useState<JourneyKpiMetric>("nps");
  const kpis = map.journeyKpis;
  const add = () => {
    edit((doc) => addJourneyKpi(doc, { name: tm(newMetric), metric: newMetric }));
  };
  return (
    <ModalDialog onClose={onClose} onOpen={() => void load()} labelledBy={headingId} layout="side" widthClass="w-[min(40rem,100vw)]" data-testid="journey-outcomes-dialog">
      <div className="flex items-start justify-between gap-2 border-b border-slate-200 px-5 py-4">
        <div>
          <h2 id={headingId} className="text-lg font-semibold text-slate-900">{t("title")}</h2>
          <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
          {!canEdit ? <p className="mt-1 text-xs text-slate-500">{t("readOnly")}</p> : null}
        </div>
        <button type="button" onClick={onClose} className="min-h-8 rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-800 hover:bg-slate-50" data-testid="journey-outcomes-close">
          {t("close")}
        </button>
      </div>
      <div className="space-y-4 px-5 py-4">
        {kpis.length === 0 ? <p className="text-sm text-slate-600">{t("empty")}</p> : null}
        <ul className="space-y-4">
          {kpis.map((k, i) => (
            <JourneyKpiItem key={k.id} kpi={k} index={i} canEdit={canEdit} edit={edit} series={series?.find((s) => s.kpiId === k.id) ?? null} loading={series === null} />
          ))}
        </ul>
        {canEdit ? (
          <div className="flex flex-wrap items-end gap-2 border-t border-slate-200 pt-4">
            <label className="text-xs font-medium text-slate-600">
              {t("metric")}
              <select className={`${inputClass} mt-1`} value={newMetric} onChange={(e) => setNewMetric(e.target.value as JourneyKpiMetric)} data-testid="journey-kpi-new-metric">
                {JOURNEY_KPI_METRICS.map((m) => <option key={m} value={m}>{tm(m)}</option>)}
              </select>
            </label>
            <button type="button" onClick={add} className="min-h-8 rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700" data-testid="journey-kpi-add">
              + {t("add")}
            </button>
          </div>
        ) : null}
      </div>
    </ModalDialog>
  );
}

function parseNumber(value: string): number | null {
  const v = value.trim().replace(",", ".");
  if (!v) return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

function JourneyKpiItem({ kpi, index, canEdit, edit, series, loading }: {
  kpi: JourneyKpi;
  index: number;
  canEdit: boolean;
  edit: (fn: (doc: Y.Doc) => void) => void;
  series: KpiHistorySeries | null;
  loading: boolean;
}) {
  const t = useTranslations("curves.outcomes");
  const tm = useTranslations("curves.metrics");
  const id = useId();
  const update = (patch: Partial<Omit<JourneyKpi, "id">>) => edit((doc) => updateJourneyKpi(doc, kpi.id, patch));
  return (
    <li className="rounded-lg border border-slate-200 p-3" data-testid="journey-kpi" data-kpi-id={kpi.id}>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-6">
        <label className="col-span-2 text-xs font-medium text-slate-600 sm:col-span-3" htmlFor={`${id}-name`}>
          {t("name")}
          <input id={`${id}-name`} className={`${inputClass} mt-1`} value={kpi.name} disabled={!canEdit} onChange={(e) => update({ name: e.target.value })} data-testid="journey-kpi-name" />
        </label>
        <label className="col-span-2 text-xs font-medium text-slate-600 sm:col-span-3">
          {t("metric")}
          <select className={`${inputClass} mt-1`} value={kpi.metric} disabled={!canEdit} onChange={(e) => update({ metric: e.target.value as JourneyKpiMetric })}>
            {JOURNEY_KPI_METRICS.map((m) => <option key={m} value={m}>{tm(m)}</option>)}
          </select>
        </label>
        <NumberField label={t("target")} value={kpi.target} disabled={!canEdit} onCommit={(target) => update({ target })} testId="journey-kpi-target" />
        <NumberField label={t("actual")} value={kpi.actual} disabled={!canEdit} onCommit={(actual) => update({ actual })} testId="journey-kpi-actual" />
        <label className="text-xs font-medium text-slate-600 sm:col-span-2">
          {t("unit")}
          <input className={`${inputClass} mt-1`} value={kpi.unit} disabled={!canEdit} onChange={(e) => update({ unit: e.target.value })} />
        </label>
        <label className="col-span-2 flex items-center gap-2 text-xs font-medium text-slate-600 sm:col-span-4">
          <input type="checkbox" className="h-4 w-4" checked={kpi.higherIsBetter} disabled={!canEdit} onChange={(e) => update({ higherIsBetter: e.target.checked })} />
          {t("higherIsBetter")}
        </label>
        {canEdit ? (
          <div className="col-span-2 flex justify-end">
            <button type="button" onClick={() => edit((doc) => removeJourneyKpi(doc, kpi.id))} className="min-h-8 rounded-md px-2 py-1 text-sm text-red-700 hover:bg-red-50" data-testid="journey-kpi-remove">
              {t("remove", { name: kpi.name || tm(kpi.metric) })}
            </button>
          </div>
        ) : null}
      </div>
      <div className="mt-3">
        {loading ? null : (
          <KpiTrend name={kpi.name || tm(kpi.metric)} points={series?.points ?? []} target={kpi.target} unit={kpi.unit} fileName={`journey-outcome-${kpi.name || kpi.metric}`} colorIndex={index} testId="journey-kpi-trend" />
        )}
      </div>
    </li>
  );
}

/** A number input that keeps what is typed and writes to the document on blur / Enter. */
function NumberField({ label, value, disabled, onCommit, testId }: { label: string; value: number | null; disabled: boolean; onCommit: (value: number | null) => void; testId: string }) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const n = parseNumber(draft);
    if (n !== value) onCommit(n);
    setDraft(null);
  };
  return (
    <label className="text-xs font-medium text-slate-600">
      {label}
      <input
        inputMode="decimal"
        className={`${inputClass} mt-1 tabular-nums`}
        value={draft ?? (value === null ? "" : String(value))}
        disabled={disabled}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") commit();
        }}
        data-testid={testId}
      />
    </label>
  );
}
