"use client";
// The side panel: the whole touchpoint for deeper editing — every field, KPIs, evidence,
// opportunities with owner and status, custom lanes. Viewers see the same content read-only.
import { useEffect, useId, useRef } from "react";
import { useTranslations } from "next-intl";
import {
  addEvidence, addKpi, addOpportunity, addPainPoint, addSystem, getEvidenceText, getLaneText, getOpportunityText,
  getPainPointText, getTouchpointText, moveTouchpoint, removeEvidence, removeKpi, removeOpportunity, removePainPoint,
  removeSystem, setEmotion, updateEvidence, updateKpi, updateOpportunity, updateTouchpointField,
  EVIDENCE_KINDS, OPPORTUNITY_STATUSES,
  type EvidenceKind, type Kpi, type OpportunityStatus, type Touchpoint, type TouchpointTextField,
} from "@/lib/maps/map-document";
import { TouchpointKpiTrends } from "./touchpoint-kpi-trends";
import { CHANNEL_SUGGESTIONS, DEVICE_SUGGESTIONS, KpiList, useDraft } from "./cells";
import { CollabText } from "@/components/collab/collab-text";
import { useEditor } from "./editor-context";
import { EvidenceDetailsFields, OpportunityRatingFields, PainPointDetailsFields, TouchpointMethodFields } from "./method-fields";
import { EMOTION_SCORES, emotionColor, emotionKey, formatScore } from "@/components/emotion/emotion";

const inputClass = "w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 read-only:bg-slate-50";

export function TouchpointPanel({ mapId, touchpoint, section, onClose, onDelete }: { mapId?: string; touchpoint: Touchpoint; section?: string; onClose: () => void; onDelete: () => void }) {
  const t = useTranslations("editor");
  const { canEdit, edit, map, doc } = useEditor();
  const panel = useRef<HTMLElement>(null);
  const headingId = useId();

  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = section ? body.current?.querySelector<HTMLElement>(`[data-section="${section}"]`) : null;
    if (target && body.current) {
      // Scroll only the panel (scrollIntoView would also move the page behind it).
      body.current.scrollTop = target.getBoundingClientRect().top - body.current.getBoundingClientRect().top + body.current.scrollTop - 8;
      target.querySelector<HTMLElement>("input, textarea, select, button")?.focus({ preventScroll: true });
    } else panel.current?.querySelector<HTMLElement>("[data-autofocus]")?.focus({ preventScroll: true });
  }, [touchpoint.id, section]);

  return (
    <aside
      ref={panel}
      aria-labelledby={headingId}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onClose();
        }
      }}
      className="absolute inset-y-0 right-0 z-40 flex w-full max-w-md flex-col border-l border-slate-200 bg-white shadow-2xl"
      data-testid="touchpoint-panel"
    >
      <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-4 py-3">
        <h2 id={headingId} className="truncate text-base font-semibold text-slate-900">
          {touchpoint.title || t("untitledTouchpoint")}
        </h2>
        <button type="button" onClick={onClose} data-autofocus aria-label={t("closePanel")} className="rounded px-2 py-1 text-slate-500 hover:bg-slate-100 hover:text-slate-900">
          <span aria-hidden>✕</span>
        </button>
      </div>
      <div ref={body} className="flex-1 space-y-5 overflow-y-auto px-4 py-4">
        <PanelText field="title" touchpoint={touchpoint} label={t("lanes.title")} />
        <div className="grid grid-cols-2 gap-3">
          <label className="block text-sm">
            <span className="mb-1 block font-medium text-slate-700">{t("stage")}</span>
            <select
              value={touchpoint.stageId}
              disabled={!canEdit}
              onChange={(e) => edit((doc) => moveTouchpoint(doc, touchpoint.id, e.target.value, Number.MAX_SAFE_INTEGER))}
              className={inputClass}
              data-testid="panel-stage"
            >
              {map.stages.map((s) => (
                <option key={s.id} value={s.id}>{s.name || t("untitledStage")}</option>
              ))}
            </select>
          </label>
          <PanelScalar field="channel" touchpoint={touchpoint} suggestions={CHANNEL_SUGGESTIONS} />
          <PanelScalar field="device" touchpoint={touchpoint} suggestions={DEVICE_SUGGESTIONS} />
          <PanelDepartment touchpoint={touchpoint} />
          <PanelScalar field="owner" touchpoint={touchpoint} suggestions={[]} />
        </div>

        <TouchpointMethodFields touchpoint={touchpoint} />

        <fieldset data-section="emotion">
          <legend className="mb-1 text-sm font-medium text-slate-700">{t("lanes.emotion")}</legend>
          <div className="flex flex-wrap gap-1" role="radiogroup" aria-label={t("lanes.emotion")}>
            {EMOTION_SCORES.map((s) => (
              <button
                key={s}
                type="button"
                role="radio"
                aria-checked={touchpoint.emotion === s}
                disabled={!canEdit}
                title={t(`emotionLabel.${emotionKey(s)}`)}
                onClick={() => edit((doc) => setEmotion(doc, touchpoint.id, s))}
                className={`h-8 w-9 rounded-md border text-sm font-semibold ${touchpoint.emotion === s ? "border-slate-900 text-white" : "border-slate-300 text-slate-700 hover:bg-slate-50"}`}
                style={touchpoint.emotion === s ? { background: emotionColor(s), color: Math.abs(s) >= 2 ? "#ffffff" : "#0f172a" } : undefined}
              >
                {formatScore(s)}
              </button>
            ))}
            {canEdit && touchpoint.emotion !== null ? (
              <button type="button" onClick={() => edit((doc) => setEmotion(doc, touchpoint.id, null))} className="px-2 text-xs text-slate-600 underline">
                {t("clearEmotion")}
              </button>
            ) : null}
          </div>
          <p className="mt-1 text-xs text-slate-600">{touchpoint.emotion === null ? t("notRated") : t(`emotionLabel.${emotionKey(touchpoint.emotion)}`)}</p>
        </fieldset>

        {(["activity", "goal", "informationNeeded", "thoughts"] as const).map((f) => (
          <PanelText key={f} field={f} touchpoint={touchpoint} label={t(`lanes.${f}`)} multiline />
        ))}

        <ListSection title={t("lanes.painPoints")} section="painPoints" addLabel={t("addPainPoint")} onAdd={(v) => edit((d) => addPainPoint(d, touchpoint.id, v))}>
          {touchpoint.painPoints.map((p, i) => (
            <li key={p.id} className="rounded-md border border-slate-200 p-2">
              <PanelItemText label={t("painPointN", { n: i + 1 })} text={getPainPointText(doc, touchpoint.id, p.id)} fallback={p.text} onRemove={() => edit((d) => removePainPoint(d, touchpoint.id, p.id))} bare />
              <PainPointDetailsFields touchpointId={touchpoint.id} pain={p} label={t("painPointN", { n: i + 1 })} />
            </li>
          ))}
        </ListSection>

        <ListSection title={t("lanes.opportunities")} section="opportunities" addLabel={t("addOpportunity")} onAdd={(v) => edit((d) => addOpportunity(d, touchpoint.id, { text: v }))}>
          {touchpoint.opportunities.map((o, i) => (
            <li key={o.id} className="rounded-md border border-slate-200 p-2">
              <PanelItemText label={t("opportunityN", { n: i + 1 })} text={getOpportunityText(doc, touchpoint.id, o.id)} fallback={o.text} onRemove={() => edit((d) => removeOpportunity(d, touchpoint.id, o.id))} bare />
              <div className="mt-1.5 grid grid-cols-3 gap-1.5">
                <DraftInput label={t("opportunityOwner")} value={o.owner} onCommit={(v) => edit((d) => updateOpportunity(d, touchpoint.id, o.id, { owner: v }))} list="suggest-people-panel" />
                <select value={o.department} disabled={!canEdit} aria-label={t("lanes.department")} onChange={(e) => edit((d) => updateOpportunity(d, touchpoint.id, o.id, { department: e.target.value }))} className={inputClass}>
                  <option value="">{t("noDepartment")}</option>
                  <DepartmentOptions current={o.department} />
                </select>
                <select value={o.status} disabled={!canEdit} aria-label={t("statusOf", { item: t("opportunityN", { n: i + 1 }) })} onChange={(e) => edit((d) => updateOpportunity(d, touchpoint.id, o.id, { status: e.target.value as OpportunityStatus }))} className={inputClass}>
                  {OPPORTUNITY_STATUSES.map((s) => (
                    <option key={s} value={s}>{t(`status.${s}`)}</option>
                  ))}
                </select>
              </div>
              <OpportunityRatingFields touchpointId={touchpoint.id} opportunity={o} />
            </li>
          ))}
        </ListSection>

        <ListSection title={t("lanes.systems")} section="systems" addLabel={t("addSystem")} onAdd={(v) => edit((d) => addSystem(d, touchpoint.id, v))} inline>
          {touchpoint.systems.map((s) => (
            <li key={s} className="inline-flex items-center gap-1 rounded bg-slate-100 px-2 py-0.5 text-sm">
              {s}
              {canEdit ? (
                <button type="button" aria-label={t("removeItem", { item: s })} onClick={() => edit((d) => removeSystem(d, touchpoint.id, s))} className="text-slate-500 hover:text-red-700">×</button>
              ) : null}
            </li>
          ))}
        </ListSection>

        <section data-section="kpis">
          <h3 className="mb-1 text-sm font-medium text-slate-700">{t("lanes.kpis")}</h3>
          <div className="mb-2 rounded-md bg-slate-50 p-2"><KpiList kpis={touchpoint.kpis} /></div>
          <ul className="space-y-2">
            {touchpoint.kpis.map((k) => (
              <KpiEditor key={k.id} touchpointId={touchpoint.id} kpi={k} />
            ))}
          </ul>
          {canEdit ? (
            <button type="button" onClick={() => edit((d) => addKpi(d, touchpoint.id, { name: t("newKpi") }))} className="mt-2 text-sm font-medium text-brand-700 hover:underline" data-testid="add-kpi">
              + {t("addKpi")}
            </button>
          ) : null}
          {mapId && touchpoint.kpis.length ? <TouchpointKpiTrends mapId={mapId} touchpoint={touchpoint} /> : null}
        </section>

        <section data-section="evidence">
          <h3 className="mb-1 text-sm font-medium text-slate-700">{t("lanes.evidence")}</h3>
          <ul className="space-y-2">
            {touchpoint.evidence.map((e, i) => (
              <li key={e.id} className="rounded-md border border-slate-200 p-2">
                <div className="mb-1 flex gap-1.5">
                  <select value={e.kind} disabled={!canEdit} aria-label={t("evidenceKindLabel")} onChange={(ev) => edit((d) => updateEvidence(d, touchpoint.id, e.id, { kind: ev.target.value as EvidenceKind }))} className={`${inputClass} w-auto`}>
                    {EVIDENCE_KINDS.map((k) => (
                      <option key={k} value={k}>{t(`evidenceKind.${k}`)}</option>
                    ))}
                  </select>
                  <DraftInput label={t("evidenceSource")} value={e.source} onCommit={(v) => edit((d) => updateEvidence(d, touchpoint.id, e.id, { source: v }))} />
                </div>
                <PanelItemText label={t("evidenceN", { n: i + 1 })} text={getEvidenceText(doc, touchpoint.id, e.id)} fallback={e.text} onRemove={() => edit((d) => removeEvidence(d, touchpoint.id, e.id))} bare multiline />
                <EvidenceDetailsFields touchpointId={touchpoint.id} evidence={e} />
              </li>
            ))}
          </ul>
          {canEdit ? (
            <div className="mt-2 flex gap-3">
              <button type="button" onClick={() => edit((d) => addEvidence(d, touchpoint.id, { kind: "qualitative", text: "" }))} className="text-sm font-medium text-brand-700 hover:underline">+ {t("addQualitative")}</button>
              <button type="button" onClick={() => edit((d) => addEvidence(d, touchpoint.id, { kind: "quantitative", text: "" }))} className="text-sm font-medium text-brand-700 hover:underline">+ {t("addQuantitative")}</button>
            </div>
          ) : null}
        </section>

        {map.lanes.map((lane) => (
          <PanelLane key={lane.id} touchpointId={touchpoint.id} laneId={lane.id} label={lane.name || t("untitledLane")} fallback={touchpoint.laneValues[lane.id] ?? ""} />
        ))}

        {canEdit ? (
          <div className="border-t border-slate-200 pt-4">
            <button type="button" onClick={onDelete} className="rounded-md border border-red-300 px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50" data-testid="panel-delete">
              {t("deleteTouchpoint")}
            </button>
          </div>
        ) : null}
      </div>
      <PeopleList id="suggest-people-panel" />
    </aside>
  );
}

function PeopleList({ id }: { id: string }) {
  const { people } = useEditor();
  return (
    <datalist id={id}>
      {people.map((p) => (
        <option key={p} value={p} />
      ))}
    </datalist>
  );
}

function DepartmentOptions({ current }: { current: string }) {
  const { departments } = useEditor();
  const known = departments.some((d) => d.name === current);
  return (
    <>
      {!known && current ? <option value={current}>{current}</option> : null}
      {departments.map((d) => (
        <option key={d.id} value={d.name}>{d.name}</option>
      ))}
    </>
  );
}

function PanelText({ field, touchpoint, label, multiline }: { field: TouchpointTextField; touchpoint: Touchpoint; label: string; multiline?: boolean }) {
  const { doc, origin, canEdit } = useEditor();
  const id = useId();
  const text = getTouchpointText(doc, touchpoint.id, field);
  if (!text) return null;
  return (
    <div data-section={field} data-presence={`${touchpoint.id}|${field === "title" ? "title" : field}`}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">{label}</label>
      {multiline ? (
        <CollabText id={id} multiline text={text} origin={origin} readOnly={!canEdit} rows={3} className={`${inputClass} [field-sizing:content] min-h-16 resize-y`} data-testid={`panel-${field}`} />
      ) : (
        <CollabText id={id} text={text} origin={origin} readOnly={!canEdit} maxLength={300} className={inputClass} data-testid={`panel-${field}`} />
      )}
    </div>
  );
}

function PanelLane({ touchpointId, laneId, label, fallback }: { touchpointId: string; laneId: string; label: string; fallback: string }) {
  const { doc, origin, canEdit } = useEditor();
  const id = useId();
  const text = canEdit ? getLaneText(doc, touchpointId, laneId) : null;
  return (
    <div data-presence={`${touchpointId}|lane:${laneId}`}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">{label}</label>
      {text ? (
        <CollabText id={id} multiline text={text} origin={origin} rows={2} className={`${inputClass} [field-sizing:content] min-h-12 resize-y`} />
      ) : (
        <p id={id} className="whitespace-pre-wrap text-sm text-slate-700">{fallback || "—"}</p>
      )}
    </div>
  );
}

function PanelScalar({ field, touchpoint, suggestions }: { field: "channel" | "device" | "owner"; touchpoint: Touchpoint; suggestions: string[] }) {
  const t = useTranslations("editor");
  const ts = useTranslations("suggestions");
  const { edit } = useEditor();
  const label = field === "owner" ? t("responsiblePerson") : t(`lanes.${field}`);
  return (
    <div data-presence={`${touchpoint.id}|${field === "owner" ? "department" : field}`}>
      <DraftInput
        label={label}
        visibleLabel
        value={touchpoint[field]}
        list={field === "owner" ? "suggest-people-panel" : `panel-suggest-${field}`}
        onCommit={(v) => edit((doc) => updateTouchpointField(doc, touchpoint.id, field, v))}
        testId={`panel-${field}`}
      />
      {suggestions.length ? (
        <datalist id={`panel-suggest-${field}`}>
          {suggestions.map((s) => (
            <option key={s} value={ts.has(s) ? ts(s) : s} />
          ))}
        </datalist>
      ) : null}
    </div>
  );
}

function PanelDepartment({ touchpoint }: { touchpoint: Touchpoint }) {
  const t = useTranslations("editor");
  const { edit, canEdit } = useEditor();
  return (
    <label className="block text-sm" data-presence={`${touchpoint.id}|department`}>
      <span className="mb-1 block font-medium text-slate-700">{t("lanes.department")}</span>
      <select value={touchpoint.department} disabled={!canEdit} onChange={(e) => edit((doc) => updateTouchpointField(doc, touchpoint.id, "department", e.target.value))} className={inputClass} data-testid="panel-department">
        <option value="">{t("noDepartment")}</option>
        <DepartmentOptions current={touchpoint.department} />
      </select>
    </label>
  );
}

/** A plain input holding a draft that is written when the user leaves it or presses Enter. */
function DraftInput({ label, value, onCommit, list, visibleLabel, testId, type = "text" }: { label: string; value: string; onCommit: (v: string) => void; list?: string; visibleLabel?: boolean; testId?: string; type?: "text" | "number" }) {
  const { canEdit } = useEditor();
  const id = useId();
  const { draft, setDraft, flush } = useDraft(value, onCommit);
  const input = (
    <input
      id={id}
      type={type}
      step="any"
      value={draft}
      list={list}
      readOnly={!canEdit}
      aria-label={visibleLabel ? undefined : label}
      placeholder={visibleLabel ? undefined : label}
      maxLength={200}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => flush()}
      onKeyDown={(e) => {
        if (e.key === "Enter") flush();
      }}
      className={inputClass}
      data-testid={testId}
    />
  );
  if (!visibleLabel) return input;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">{label}</label>
      {input}
    </div>
  );
}

function ListSection({ title, section, addLabel, onAdd, inline, children }: { title: string; section: string; addLabel: string; onAdd: (v: string) => void; inline?: boolean; children: React.ReactNode }) {
  const { canEdit } = useEditor();
  const ref = useRef<HTMLInputElement>(null);
  return (
    <section data-section={section}>
      <h3 className="mb-1 text-sm font-medium text-slate-700">{title}</h3>
      <ul className={inline ? "flex flex-wrap gap-1" : "space-y-1.5"}>{children}</ul>
      {canEdit ? (
        <input
          ref={ref}
          placeholder={`+ ${addLabel}`}
          aria-label={addLabel}
          maxLength={2000}
          onKeyDown={(e) => {
            const value = e.currentTarget.value.trim();
            if (e.key === "Enter" && value) {
              e.preventDefault();
              onAdd(value);
              e.currentTarget.value = "";
            }
          }}
          className={`${inputClass} mt-1.5 border-dashed`}
        />
      ) : null}
    </section>
  );
}

function PanelItemText({ label, text, fallback, onRemove, bare, multiline }: { label: string; text: import("yjs").Text | null; fallback: string; onRemove: () => void; bare?: boolean; multiline?: boolean }) {
  const t = useTranslations("editor");
  const { origin, canEdit } = useEditor();
  const y = text;
  const content = !canEdit || !y ? (
    <p className="min-w-0 flex-1 whitespace-pre-wrap text-sm text-slate-700">{fallback || "—"}</p>
  ) : multiline ? (
    <CollabText multiline text={y} origin={origin} aria-label={label} rows={2} className={`${inputClass} [field-sizing:content] min-h-12 flex-1 resize-y`} />
  ) : (
    <CollabText text={y} origin={origin} aria-label={label} className={`${inputClass} flex-1`} />
  );
  const body = (
    <div className="flex items-start gap-1">
      {content}
      {canEdit ? (
        <button type="button" onClick={onRemove} aria-label={t("removeItem", { item: label })} className="rounded px-1.5 py-1 text-slate-500 hover:bg-red-50 hover:text-red-700">×</button>
      ) : null}
    </div>
  );
  return bare ? body : <li>{body}</li>;
}

function KpiEditor({ touchpointId, kpi }: { touchpointId: string; kpi: Kpi }) {
  const t = useTranslations("editor");
  const { edit, canEdit } = useEditor();
  const num = (v: string) => (v.trim() === "" || !Number.isFinite(Number(v)) ? null : Number(v));
  if (!canEdit) return null;
  return (
    <li className="rounded-md border border-slate-200 p-2" data-testid="kpi-editor">
      <div className="flex gap-1.5">
        <DraftInput label={t("kpiName")} value={kpi.name} onCommit={(v) => v && edit((d) => updateKpi(d, touchpointId, kpi.id, { name: v }))} />
        <button type="button" onClick={() => edit((d) => removeKpi(d, touchpointId, kpi.id))} aria-label={t("removeItem", { item: kpi.name })} className="rounded px-1.5 text-slate-500 hover:bg-red-50 hover:text-red-700">×</button>
      </div>
      <div className="mt-1.5 grid grid-cols-3 gap-1.5">
        <DraftInput type="number" label={t("kpiActual")} value={kpi.actual === null ? "" : String(kpi.actual)} onCommit={(v) => edit((d) => updateKpi(d, touchpointId, kpi.id, { actual: num(v) }))} />
        <DraftInput type="number" label={t("kpiTarget")} value={kpi.target === null ? "" : String(kpi.target)} onCommit={(v) => edit((d) => updateKpi(d, touchpointId, kpi.id, { target: num(v) }))} />
        <DraftInput label={t("kpiUnit")} value={kpi.unit} onCommit={(v) => edit((d) => updateKpi(d, touchpointId, kpi.id, { unit: v }))} />
      </div>
      <label className="mt-1.5 flex items-center gap-2 text-xs text-slate-700">
        <input type="checkbox" checked={kpi.higherIsBetter} onChange={(e) => edit((d) => updateKpi(d, touchpointId, kpi.id, { higherIsBetter: e.target.checked }))} />
        {t("higherIsBetter")}
      </label>
    </li>
  );
}
