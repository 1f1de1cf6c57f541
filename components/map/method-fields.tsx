"use client";
// Issue 13 (method): the editor UI of the stage substance and the sharper touchpoint fields — the
// stage dialog (goal, central question, duration, stage KPIs), the central question in the stage
// band, the touchpoint panel's wow/frustration, priority, "superfluous?" and time-to-next fields,
// pain point / opportunity / evidence details, and the compact markers shown in the grid.
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import {
  addStageKpi, getStageText, isHttpLink, isIsoDate, MOMENT_OF_TRUTH_KINDS, PAIN_FREQUENCIES, PAIN_STATUSES, removeStageKpi,
  setMomentOfTruthKind, TOUCHPOINT_PRIORITIES, updateEvidence, updateOpportunity, updatePainPointDetails, updateStageDetails,
  updateStageKpi, updateTouchpointMethod,
  type Evidence, type Kpi, type MomentOfTruthKind, type Opportunity, type PainFrequency, type PainPoint, type PainStatus, type Stage,
  type Touchpoint, type TouchpointPriority,
} from "@/lib/maps/map-document";
import { DateInput } from "@/components/ui/date-input";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { useDraft } from "./cells";
import { CollabText } from "@/components/collab/collab-text";
import { useEditor } from "./editor-context";

const inputClass = "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 read-only:bg-slate-50 disabled:bg-slate-50";
const labelClass = "mb-1 block text-sm font-medium text-slate-700";

/** A labelled input whose draft is written on blur or Enter; `validate` may refuse a value (shown as an error). */
function Field({ label, value, onCommit, type = "text", placeholder, validate, testId, small }: {
  label: string; value: string; onCommit: (v: string) => void; type?: "text" | "number" | "url"; placeholder?: string;
  validate?: (v: string) => string | null; testId?: string; small?: boolean;
}) {
  const { canEdit } = useEditor();
  const id = useId();
  const errorId = useId();
  const [error, setError] = useState<string | null>(null);
  const { draft, setDraft, flush } = useDraft(value, (v) => {
    const problem = validate?.(v) ?? null;
    setError(problem);
    if (!problem) onCommit(v);
  });
  return (
    <div>
      <label htmlFor={id} className={small ? "mb-0.5 block text-xs font-medium text-slate-700" : labelClass}>{label}</label>
      <input
        id={id}
        type={type}
        step={type === "number" ? "any" : undefined}
        value={draft}
        readOnly={!canEdit}
        placeholder={placeholder}
        maxLength={type === "url" ? 2000 : 200}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => flush()}
        onKeyDown={(e) => {
          if (e.key === "Enter") flush();
        }}
        className={inputClass}
        data-testid={testId}
      />
      {error ? <p id={errorId} className="mt-0.5 text-xs text-red-700">{error}</p> : null}
    </div>
  );
}

function Select<T extends string>({ label, value, options, onChange, testId, small }: {
  label: string; value: T | ""; options: { value: T | ""; label: string }[]; onChange: (v: T | "") => void; testId?: string; small?: boolean;
}) {
  const { canEdit } = useEditor();
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className={small ? "mb-0.5 block text-xs font-medium text-slate-700" : labelClass}>{label}</label>
      <select id={id} value={value} disabled={!canEdit} onChange={(e) => onChange(e.target.value as T | "")} className={inputClass} data-testid={testId}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Touchpoint panel

/** Moment of truth (none / wow / frustration), priority, superfluous and time to next. */
export function TouchpointMethodFields({ touchpoint }: { touchpoint: Touchpoint }) {
  const t = useTranslations("method.touchpoint");
  const { canEdit, edit } = useEditor();
  const kind = touchpoint.momentOfTruthKind;
  const hintId = useId();
  return (
    <div className="space-y-3" data-section="method">
      <fieldset>
        <legend className={labelClass}>{t("momentOfTruth")}</legend>
        <div className="flex flex-wrap gap-1" role="radiogroup" aria-label={t("momentOfTruth")}>
          {([null, ...MOMENT_OF_TRUTH_KINDS] as (MomentOfTruthKind | null)[]).map((k) => (
            <button
              key={k ?? "none"}
              type="button"
              role="radio"
              aria-checked={kind === k}
              disabled={!canEdit}
              onClick={() => edit((doc) => setMomentOfTruthKind(doc, touchpoint.id, k))}
              className={`min-h-8 rounded-md border px-3 text-sm font-medium ${kind === k ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 text-slate-700 hover:bg-slate-50"}`}
              data-testid={`mot-kind-${k ?? "none"}`}
            >
              {k ? <span aria-hidden>{k === "wow" ? "★ " : "⚡ "}</span> : null}
              {t(`kind.${k ?? "none"}`)}
            </button>
          ))}
        </div>
      </fieldset>
      <div className="grid grid-cols-2 gap-3">
        <Select<TouchpointPriority>
          label={t("priority")}
          value={touchpoint.priority ?? ""}
          options={[{ value: "", label: t("priorities.none") }, ...TOUCHPOINT_PRIORITIES.map((p) => ({ value: p, label: t(`priorities.${p}`) }))]}
          onChange={(v) => edit((doc) => updateTouchpointMethod(doc, touchpoint.id, { priority: v || null }))}
          testId="panel-priority"
        />
        <Field label={t("timeToNext")} value={touchpoint.timeToNext} placeholder={t("timeToNextPlaceholder")} onCommit={(v) => edit((doc) => updateTouchpointMethod(doc, touchpoint.id, { timeToNext: v }))} testId="panel-time-to-next" />
      </div>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          className="mt-0.5 h-4 w-4"
          checked={touchpoint.superfluous}
          disabled={!canEdit}
          aria-describedby={hintId}
          onChange={(e) => edit((doc) => updateTouchpointMethod(doc, touchpoint.id, { superfluous: e.target.checked }))}
          data-testid="panel-superfluous"
        />
        <span>
          <span className="font-medium text-slate-700">{t("superfluous")}</span>
          <span id={hintId} className="block text-xs text-slate-600">{t("superfluousHint")}</span>
        </span>
      </label>
    </div>
  );
}

/** Severity, frequency, owner and status of one pain point. */
export function PainPointDetailsFields({ touchpointId, pain, label }: { touchpointId: string; pain: PainPoint; label: string }) {
  const t = useTranslations("method.pain");
  const { edit } = useEditor();
  return (
    <div role="group" aria-label={t("detailsOf", { item: label })} className="mt-1 grid grid-cols-2 gap-1.5 sm:grid-cols-4">
      <Select<"1" | "2" | "3">
        small
        label={t("severity")}
        value={pain.severity === null ? "" : (String(pain.severity) as "1" | "2" | "3")}
        options={[{ value: "", label: t("severities.none") }, ...(["1", "2", "3"] as const).map((s) => ({ value: s, label: t(`severities.${s}`) }))]}
        onChange={(v) => edit((d) => updatePainPointDetails(d, touchpointId, pain.id, { severity: v ? Number(v) : null }))}
      />
      <Select<PainFrequency>
        small
        label={t("frequency")}
        value={pain.frequency ?? ""}
        options={[{ value: "", label: t("frequencies.none") }, ...PAIN_FREQUENCIES.map((f) => ({ value: f, label: t(`frequencies.${f}`) }))]}
        onChange={(v) => edit((d) => updatePainPointDetails(d, touchpointId, pain.id, { frequency: v || null }))}
      />
      <Field small label={t("owner")} value={pain.owner} onCommit={(v) => edit((d) => updatePainPointDetails(d, touchpointId, pain.id, { owner: v }))} />
      <Select<PainStatus>
        small
        label={t("status")}
        value={pain.status}
        options={PAIN_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
        onChange={(v) => edit((d) => updatePainPointDetails(d, touchpointId, pain.id, { status: (v || "open") as PainStatus }))}
      />
    </div>
  );
}

/** A labelled date ("YYYY-MM-DD" or ""), typed in the page language's order. */
function DateField({ label, value, onChange }: { label: string; value: string; onChange: (iso: string) => void }) {
  const { canEdit } = useEditor();
  const id = useId();
  return (
    <div>
      <label htmlFor={id} className="mb-0.5 block text-xs font-medium text-slate-700">{label}</label>
      <DateInput id={id} value={value} readOnly={!canEdit} onChange={onChange} className={inputClass} />
    </div>
  );
}

const RATING = ["1", "2", "3", "4", "5"] as const;

/** Impact, effort and due date of one opportunity. */
export function OpportunityRatingFields({ touchpointId, opportunity }: { touchpointId: string; opportunity: Opportunity }) {
  const t = useTranslations("method.opportunity");
  const { edit } = useEditor();
  const options = [{ value: "" as const, label: t("notRated") }, ...RATING.map((r) => ({ value: r, label: r }))];
  return (
    <div className="mt-1.5 grid grid-cols-3 gap-1.5">
      <Select<(typeof RATING)[number]>
        small
        label={t("impact")}
        value={opportunity.impact === null ? "" : (String(opportunity.impact) as (typeof RATING)[number])}
        options={options}
        onChange={(v) => edit((d) => updateOpportunity(d, touchpointId, opportunity.id, { impact: v ? Number(v) : null }))}
        testId="opportunity-impact"
      />
      <Select<(typeof RATING)[number]>
        small
        label={t("effort")}
        value={opportunity.effort === null ? "" : (String(opportunity.effort) as (typeof RATING)[number])}
        options={options}
        onChange={(v) => edit((d) => updateOpportunity(d, touchpointId, opportunity.id, { effort: v ? Number(v) : null }))}
        testId="opportunity-effort"
      />
      <DateField label={t("dueDate")} value={opportunity.dueDate ?? ""} onChange={(v) => edit((d) => updateOpportunity(d, touchpointId, opportunity.id, { dueDate: isIsoDate(v) ? v : null }))} />
    </div>
  );
}

/** Date and link of one evidence item; the link opens in a new tab only when it is http(s). */
export function EvidenceDetailsFields({ touchpointId, evidence }: { touchpointId: string; evidence: Evidence }) {
  const t = useTranslations("method.evidence");
  const { edit } = useEditor();
  return (
    <div className="mt-1.5 grid grid-cols-[10rem_1fr] items-end gap-1.5">
      <DateField label={t("date")} value={evidence.date ?? ""} onChange={(v) => edit((d) => updateEvidence(d, touchpointId, evidence.id, { date: isIsoDate(v) ? v : null }))} />
      <div className="flex items-end gap-1">
        <div className="min-w-0 flex-1">
          <Field small type="url" label={t("link")} value={evidence.link} placeholder={t("linkPlaceholder")} validate={(v) => (v === "" || isHttpLink(v) ? null : t("linkInvalid"))}
            onCommit={(v) => edit((d) => updateEvidence(d, touchpointId, evidence.id, { link: v }))} />
        </div>
        <EvidenceLink link={evidence.link} />
      </div>
    </div>
  );
}

/** A link to the evidence's source: only http(s), in a new tab without access to this page. */
export function EvidenceLink({ link }: { link: string }) {
  const t = useTranslations("method.evidence");
  if (!isHttpLink(link)) return null;
  return (
    <a href={link} target="_blank" rel="noopener noreferrer" className="inline-flex min-h-8 items-center rounded px-1.5 text-sm font-medium text-brand-700 underline hover:bg-slate-50">
      {t("openLink")}
    </a>
  );
}

// ---------------------------------------------------------------------------------------------
// Grid markers

/** Compact signs for a touchpoint's column head: wow/frustration, superfluous, high priority. */
export function TouchpointMethodMarkers({ touchpoint }: { touchpoint: Touchpoint }) {
  const t = useTranslations("method.touchpoint");
  const kind = touchpoint.momentOfTruthKind;
  if (!kind && !touchpoint.superfluous && touchpoint.priority !== "high") return null;
  return (
    <span className="mt-0.5 inline-flex shrink-0 flex-col items-center gap-0.5 text-xs" data-testid="method-markers">
      {kind ? (
        <span
          role="img"
          aria-label={t(`kindMarker.${kind}`)}
          title={t(`kindMarker.${kind}`)}
          className={`rounded px-1 font-semibold ${kind === "wow" ? "bg-emerald-100 text-emerald-800" : "bg-red-100 text-red-800"}`}
          data-testid={`mot-${kind}`}
        >
          {kind === "wow" ? "★" : "⚡"}
        </span>
      ) : null}
      {touchpoint.priority === "high" ? (
        <span role="img" aria-label={t("priorityMarker", { priority: t("priorities.high") })} title={t("priorityMarker", { priority: t("priorities.high") })} className="rounded bg-amber-100 px-1 font-semibold text-amber-900">!</span>
      ) : null}
      {touchpoint.superfluous ? (
        <span role="img" aria-label={t("superfluousMarker")} title={t("superfluousMarker")} className="rounded bg-slate-200 px-1 font-semibold text-slate-800" data-testid="superfluous-marker">?</span>
      ) : null}
    </span>
  );
}

// ---------------------------------------------------------------------------------------------
// Stages

/** The band's second row: the central question, opening the stage dialog. */
export function StageMethodControl({ stageId, maxWidth }: { stageId: string; maxWidth: number }) {
  const { map } = useEditor();
  const [open, setOpen] = useState(false);
  const stage = map.stages.find((s) => s.id === stageId);
  if (!stage) return null;
  return (
    <div className="flex min-w-0" style={{ maxWidth: Math.max(80, maxWidth) }}>
      <StageQuestion stage={stage} onOpen={() => setOpen(true)} />
      {open ? <StageDialog stage={stage} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}

/** The stage's central question in the band (one line, full text on hover), opening the stage dialog. */
export function StageQuestion({ stage, onOpen }: { stage: Stage; onOpen: () => void }) {
  const t = useTranslations("method.stage");
  const name = stage.name;
  return (
    <button
      type="button"
      onClick={onOpen}
      title={stage.centralQuestion || undefined}
      aria-label={stage.centralQuestion ? `${t("open", { name })}. ${t("questionLabel", { question: stage.centralQuestion })}` : t("open", { name })}
      className="flex min-h-6 min-w-0 max-w-full items-center gap-1 truncate rounded px-1 text-left text-xs text-slate-700 hover:bg-white/70 focus-visible:outline-2 focus-visible:outline-brand-500"
      data-testid="stage-question"
    >
      <span aria-hidden className="shrink-0 font-semibold text-brand-700">?</span>
      <span className={`truncate ${stage.centralQuestion ? "italic" : "text-slate-600"}`}>{stage.centralQuestion || t("details")}</span>
    </button>
  );
}

/** The stage dialog: goal, central question, typical duration and stage KPIs, edited together. */
export function StageDialog({ stage, onClose }: { stage: Stage; onClose: () => void }) {
  const t = useTranslations("method.stage");
  const { doc, origin, canEdit, edit } = useEditor();
  const headingId = useId();
  const goalId = useId();
  const questionId = useId();
  const hintId = useId();
  const goal = canEdit ? getStageText(doc, stage.id, "goal") : null;
  const question = canEdit ? getStageText(doc, stage.id, "centralQuestion") : null;
  return (
    <ModalDialog onClose={onClose} labelledBy={headingId} layout="side" data-testid="stage-dialog">
      {/* Keys typed here must not reach the grid's keyboard navigation (the dialog sits inside the band). */}
      <div onKeyDown={(e) => e.stopPropagation()} onPointerDown={(e) => e.stopPropagation()}>
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
        <h2 id={headingId} className="truncate text-base font-semibold text-slate-900">{t("dialogTitle", { name: stage.name })}</h2>
        <button type="button" onClick={onClose} aria-label={t("close")} className="min-h-8 min-w-8 rounded px-2 py-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900">
          <span aria-hidden>✕</span>
        </button>
      </div>
      <div className="space-y-4 px-4 py-4">
        <div>
          <label htmlFor={questionId} className={labelClass}>{t("centralQuestion")}</label>
          {question ? (
            <CollabText id={questionId} text={question} origin={origin} aria-describedby={hintId} maxLength={500} className={inputClass} data-testid="stage-central-question" />
          ) : (
            <p id={questionId} className="text-sm text-slate-700">{stage.centralQuestion || "—"}</p>
          )}
          <p id={hintId} className="mt-1 text-xs text-slate-600">{t("centralQuestionHint")}</p>
        </div>
        <div>
          <label htmlFor={goalId} className={labelClass}>{t("goal")}</label>
          {goal ? (
            <CollabText id={goalId} multiline text={goal} origin={origin} rows={2} className={`${inputClass} [field-sizing:content] min-h-12 resize-y`} data-testid="stage-goal" />
          ) : (
            <p id={goalId} className="whitespace-pre-wrap text-sm text-slate-700">{stage.goal || "—"}</p>
          )}
        </div>
        <Field label={t("duration")} value={stage.duration} placeholder={t("durationPlaceholder")} onCommit={(v) => edit((d) => updateStageDetails(d, stage.id, { duration: v }))} testId="stage-duration" />
        <section aria-labelledby={`${headingId}-kpis`}>
          <h3 id={`${headingId}-kpis`} className={labelClass}>{t("kpis")}</h3>
          {stage.kpis.length === 0 ? <p className="text-sm text-slate-600">{t("noKpis")}</p> : null}
          <ul className="space-y-2">
            {stage.kpis.map((k, i) => (
              <StageKpiEditor key={k.id} stageId={stage.id} kpi={k} label={t("kpiN", { n: i + 1 })} />
            ))}
          </ul>
          {canEdit ? (
            <button type="button" onClick={() => edit((d) => addStageKpi(d, stage.id, { name: t("kpiN", { n: stage.kpis.length + 1 }) }))} className="mt-2 min-h-8 text-sm font-medium text-brand-700 hover:underline" data-testid="stage-add-kpi">
              + {t("addKpi")}
            </button>
          ) : null}
        </section>
      </div>
      </div>
    </ModalDialog>
  );
}

function StageKpiEditor({ stageId, kpi, label }: { stageId: string; kpi: Kpi; label: string }) {
  const t = useTranslations("method.stage");
  const { edit, canEdit } = useEditor();
  const num = (v: string) => (v.trim() === "" || !Number.isFinite(Number(v)) ? null : Number(v));
  return (
    <li className="rounded-md border border-slate-200 p-2">
      <div role="group" aria-label={label}>
        <div className="flex items-end gap-1.5">
          <div className="min-w-0 flex-1">
            <Field small label={t("kpiName")} value={kpi.name} onCommit={(v) => v && edit((d) => updateStageKpi(d, stageId, kpi.id, { name: v }))} />
          </div>
          {canEdit ? (
            <button type="button" onClick={() => edit((d) => removeStageKpi(d, stageId, kpi.id))} aria-label={t("removeKpi", { name: kpi.name })} className="min-h-8 min-w-8 rounded px-1.5 text-slate-600 hover:bg-red-50 hover:text-red-700">×</button>
          ) : null}
        </div>
        <div className="mt-1.5 grid grid-cols-3 gap-1.5">
          <Field small type="number" label={t("actual")} value={kpi.actual === null ? "" : String(kpi.actual)} onCommit={(v) => edit((d) => updateStageKpi(d, stageId, kpi.id, { actual: num(v) }))} />
          <Field small type="number" label={t("target")} value={kpi.target === null ? "" : String(kpi.target)} onCommit={(v) => edit((d) => updateStageKpi(d, stageId, kpi.id, { target: num(v) }))} />
          <Field small label={t("unit")} value={kpi.unit} onCommit={(v) => edit((d) => updateStageKpi(d, stageId, kpi.id, { unit: v }))} />
        </div>
        <label className="mt-1.5 flex items-center gap-2 text-xs text-slate-700">
          <input type="checkbox" checked={kpi.higherIsBetter} disabled={!canEdit} onChange={(e) => edit((d) => updateStageKpi(d, stageId, kpi.id, { higherIsBetter: e.target.checked }))} />
          {t("higherIsBetter")}
        </label>
      </div>
    </li>
  );
}
