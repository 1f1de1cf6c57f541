"use client";
// The content of one cell of the grid, per lane: how it reads, and how it edits in place.
// Collaborative text lanes bind to their Y.Text; short single values (channel, device, owner)
// are last-writer-wins strings committed when the user leaves the field.
import { useEffect, useRef, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import {
  addOpportunity, addPainPoint, addSystem, getLaneText, getOpportunityText, getPainPointText, getTouchpointText,
  kpiOnTarget, removeOpportunity, removePainPoint, removeSystem, setMomentOfTruthKind, updateOpportunity, updateTouchpointField,
  type Kpi, type OpportunityStatus, type Touchpoint, type TouchpointTextField,
} from "@/lib/maps/map-document";
import { CollabText } from "@/components/collab/collab-text";
import { departmentColor, useEditor } from "./editor-context";
import { departmentEdit, ownerEdit } from "./vocabulary";
import type { LaneKey } from "./layout";

export const CHANNEL_SUGGESTIONS = ["Website", "E-mail", "Phone", "Store", "App", "Social", "Chat", "Letter", "Event", "Video call"];
export const DEVICE_SUGGESTIONS = ["Desktop", "Phone", "Tablet", "In person", "Paper"];

const TEXT_LANES: Record<string, TouchpointTextField> = {
  activity: "activity",
  goal: "goal",
  informationNeeded: "informationNeeded",
  thoughts: "thoughts",
};

/** Lanes that open the side panel instead of editing in the cell (too much for a cell). */
export const PANEL_LANES = new Set<LaneKey>(["kpis", "evidence"]);
/** Lanes that toggle on Enter/click instead of entering an edit mode. */
export const TOGGLE_LANES = new Set<LaneKey>(["momentOfTruth"]);

type CellProps = { lane: LaneKey | "title"; touchpoint: Touchpoint; editing: boolean; onLeave: () => void };

export function CellContent({ lane, touchpoint, editing, onLeave }: CellProps) {
  if (lane === "title") return <TitleCell touchpoint={touchpoint} editing={editing} onLeave={onLeave} />;
  if (lane in TEXT_LANES) return <TextCell field={TEXT_LANES[lane]} touchpoint={touchpoint} editing={editing} onLeave={onLeave} />;
  if (lane.startsWith("lane:")) return <CustomLaneCell laneId={lane.slice(5)} touchpoint={touchpoint} editing={editing} onLeave={onLeave} />;
  switch (lane) {
    case "channel":
      return <ScalarCell field="channel" touchpoint={touchpoint} editing={editing} onLeave={onLeave} />;
    case "device":
      return <ScalarCell field="device" touchpoint={touchpoint} editing={editing} onLeave={onLeave} />;
    case "momentOfTruth":
      return <MomentOfTruthCell touchpoint={touchpoint} />;
    case "painPoints":
      return <PainPointsCell touchpoint={touchpoint} editing={editing} onLeave={onLeave} />;
    case "opportunities":
      return <OpportunitiesCell touchpoint={touchpoint} editing={editing} onLeave={onLeave} />;
    case "department":
      return <DepartmentCell touchpoint={touchpoint} editing={editing} onLeave={onLeave} />;
    case "systems":
      return <SystemsCell touchpoint={touchpoint} editing={editing} onLeave={onLeave} />;
    case "kpis":
      return <KpiList kpis={touchpoint.kpis} compact />;
    case "evidence":
      return <EvidenceSummary touchpoint={touchpoint} />;
    default:
      return null;
  }
}

function Placeholder({ children }: { children: React.ReactNode }) {
  return <span className="text-slate-400">{children}</span>;
}

/** Keys inside an in-place editor: Esc leaves (the edit is already saved), Enter leaves single-line fields. */
function leaveKeys(onLeave: () => void, singleLine: boolean) {
  return (event: React.KeyboardEvent) => {
    if (event.key === "Escape" || (singleLine && event.key === "Enter" && !event.shiftKey)) {
      event.preventDefault();
      event.stopPropagation();
      onLeave();
    }
  };
}

function TitleCell({ touchpoint, editing, onLeave }: Omit<CellProps, "lane">) {
  const { doc, origin } = useEditor();
  const t = useTranslations("editor");
  const text = editing ? getTouchpointText(doc, touchpoint.id, "title") : null;
  if (editing && text) {
    return (
      <CollabText
        text={text}
        origin={origin}
        autoFocus
        onFocus={(e) => e.currentTarget.select()}
        aria-label={t("lanes.title")}
        placeholder={t("untitledTouchpoint")}
        maxLength={300}
        onKeyDown={leaveKeys(onLeave, true)}
        onBlur={onLeave}
        data-testid="title-input"
        className="w-full rounded border border-brand-500 bg-white px-1.5 py-1 text-sm font-semibold focus:outline-none"
      />
    );
  }
  return (
    <span className="line-clamp-2 text-sm font-semibold text-slate-900" data-testid="touchpoint-title">
      {touchpoint.title || <Placeholder>{t("untitledTouchpoint")}</Placeholder>}
    </span>
  );
}

function TextCell({ field, touchpoint, editing, onLeave }: Omit<CellProps, "lane"> & { field: TouchpointTextField }) {
  const { doc, origin } = useEditor();
  const t = useTranslations("editor");
  const text = editing ? getTouchpointText(doc, touchpoint.id, field) : null;
  if (editing && text) {
    return (
      <CollabText
        multiline
        text={text}
        origin={origin}
        autoFocus
        aria-label={t(`lanes.${field}`)}
        onKeyDown={leaveKeys(onLeave, false)}
        onBlur={onLeave}
        data-testid={`editor-${field}`}
        className="h-full w-full resize-none rounded border border-brand-500 bg-white p-1.5 text-sm focus:outline-none"
      />
    );
  }
  const value = touchpoint[field];
  return <p className="line-clamp-4 whitespace-pre-wrap break-words text-sm text-slate-700">{value || <Placeholder>—</Placeholder>}</p>;
}

function CustomLaneCell({ laneId, touchpoint, editing, onLeave }: Omit<CellProps, "lane"> & { laneId: string }) {
  const { doc, origin, map } = useEditor();
  const text = editing ? getLaneText(doc, touchpoint.id, laneId) : null;
  const name = map.lanes.find((l) => l.id === laneId)?.name ?? "";
  if (editing && text) {
    return (
      <CollabText
        multiline
        text={text}
        origin={origin}
        autoFocus
        aria-label={name}
        onKeyDown={leaveKeys(onLeave, false)}
        onBlur={onLeave}
        className="h-full w-full resize-none rounded border border-brand-500 bg-white p-1.5 text-sm focus:outline-none"
      />
    );
  }
  const value = touchpoint.laneValues[laneId] ?? "";
  return <p className="line-clamp-4 whitespace-pre-wrap break-words text-sm text-slate-700">{value || <Placeholder>—</Placeholder>}</p>;
}

/** A single-value field edited with a draft that is written when the user leaves it. */
export function useDraft(value: string, commit: (v: string) => void) {
  const [draft, setDraft] = useState(value);
  const committed = useRef(value);
  // A new value from the document replaces the draft (adjusted during render, not in an effect).
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setDraft(value);
  }
  useEffect(() => {
    committed.current = value;
  }, [value]);
  const flush = (v = draft) => {
    const next = v.trim();
    if (next !== committed.current) {
      committed.current = next;
      commit(next);
    }
  };
  return { draft, setDraft, flush };
}

function ScalarCell({ field, touchpoint, editing, onLeave }: Omit<CellProps, "lane"> & { field: "channel" | "device" }) {
  const { edit, vocabulary } = useEditor();
  const t = useTranslations("editor");
  // The workspace vocabulary's terms (issue 13), or the built-in suggestions in the page language.
  const suggestions = vocabulary[field];
  const { draft, setDraft, flush } = useDraft(touchpoint[field], (v) => edit((doc) => updateTouchpointField(doc, touchpoint.id, field, v)));
  if (editing) {
    const listId = `suggest-${field}`;
    return (
      <>
        <input
          autoFocus
          list={listId}
          value={draft}
          maxLength={200}
          aria-label={t(`lanes.${field}`)}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => {
            flush();
            onLeave();
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter" || e.key === "Escape") {
              e.preventDefault();
              e.stopPropagation();
              flush();
              onLeave();
            }
          }}
          data-testid={`editor-${field}`}
          className="w-full rounded border border-brand-500 bg-white px-1.5 py-1 text-sm focus:outline-none"
        />
        <datalist id={listId}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </>
    );
  }
  return <span className="truncate text-sm text-slate-800">{touchpoint[field] || <Placeholder>—</Placeholder>}</span>;
}

function MomentOfTruthCell({ touchpoint }: { touchpoint: Touchpoint }) {
  const t = useTranslations("method.touchpoint");
  const kind = touchpoint.momentOfTruthKind;
  return kind ? (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ${kind === "wow" ? "bg-emerald-100 text-emerald-900" : "bg-red-100 text-red-900"}`} data-testid={`mot-cell-${kind}`}>
      <span aria-hidden>{kind === "wow" ? "★" : "⚡"}</span> {t(`kindMarker.${kind}`)}
    </span>
  ) : (
    <Placeholder>—</Placeholder>
  );
}

/** Steps the moment of truth none → wow → frustration → none (the grid calls this on click/Enter/Space). */
export function toggleMomentOfTruth(edit: (fn: (doc: import("yjs").Doc) => void) => void, touchpoint: Touchpoint) {
  const next = touchpoint.momentOfTruthKind === null ? "wow" : touchpoint.momentOfTruthKind === "wow" ? "frustration" : null;
  edit((doc) => setMomentOfTruthKind(doc, touchpoint.id, next));
}

function ItemTextEditor({ text, label, onRemove, onLeave, autoFocus }: { text: import("yjs").Text | null; label: string; onRemove: () => void; onLeave: () => void; autoFocus?: boolean }) {
  const { origin } = useEditor();
  const t = useTranslations("editor");
  if (!text) return null;
  return (
    <div className="flex items-start gap-1">
      <CollabText text={text} origin={origin} aria-label={label} autoFocus={autoFocus} onKeyDown={leaveKeys(onLeave, false)} className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-1.5 py-0.5 text-sm focus:border-brand-500 focus:outline-none" />
      <button type="button" onClick={onRemove} aria-label={t("removeItem", { item: label })} className="rounded px-1 text-slate-500 hover:bg-red-50 hover:text-red-700">
        ×
      </button>
    </div>
  );
}

function AddItemInput({ label, onAdd, onLeave, autoFocus }: { label: string; onAdd: (value: string) => void; onLeave: () => void; autoFocus?: boolean }) {
  const [value, setValue] = useState("");
  return (
    <input
      value={value}
      autoFocus={autoFocus}
      placeholder={label}
      aria-label={label}
      maxLength={2000}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter" && value.trim()) {
          e.preventDefault();
          onAdd(value.trim());
          setValue("");
        } else if (e.key === "Escape") {
          e.preventDefault();
          e.stopPropagation();
          if (value.trim()) onAdd(value.trim());
          onLeave();
        }
      }}
      className="w-full rounded border border-dashed border-slate-300 bg-white px-1.5 py-0.5 text-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none"
    />
  );
}

/** Leaves the in-place editor when focus moves outside the cell. */
function useLeaveOnFocusOut(onLeave: () => void) {
  return (event: React.FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) onLeave();
  };
}

function PainPointsCell({ touchpoint, editing, onLeave }: Omit<CellProps, "lane">) {
  const { doc, edit } = useEditor();
  const t = useTranslations("editor");
  const onBlur = useLeaveOnFocusOut(onLeave);
  if (editing) {
    return (
      <div className="flex h-full flex-col gap-1 overflow-y-auto" onBlur={onBlur}>
        {touchpoint.painPoints.map((p, i) => (
          <ItemTextEditor key={p.id} text={getPainPointText(doc, touchpoint.id, p.id)} label={t("painPointN", { n: i + 1 })} onLeave={onLeave} onRemove={() => edit((d) => removePainPoint(d, touchpoint.id, p.id))} />
        ))}
        <AddItemInput label={t("addPainPoint")} autoFocus onLeave={onLeave} onAdd={(v) => edit((d) => addPainPoint(d, touchpoint.id, v))} />
      </div>
    );
  }
  if (!touchpoint.painPoints.length) return <Placeholder>—</Placeholder>;
  return (
    <ul className="space-y-0.5 text-sm text-slate-700">
      {touchpoint.painPoints.map((p) => (
        <li key={p.id} className="line-clamp-2 flex gap-1">
          <span aria-hidden className="text-red-500">▲</span>
          <span>{p.text}</span>
        </li>
      ))}
    </ul>
  );
}

export const STATUS_STYLE: Record<OpportunityStatus, string> = {
  open: "bg-slate-100 text-slate-700",
  in_progress: "bg-amber-100 text-amber-900",
  done: "bg-green-100 text-green-800",
};
export const STATUS_ICON: Record<OpportunityStatus, string> = { open: "○", in_progress: "◐", done: "●" };

function OpportunitiesCell({ touchpoint, editing, onLeave }: Omit<CellProps, "lane">) {
  const { doc, edit } = useEditor();
  const t = useTranslations("editor");
  const onBlur = useLeaveOnFocusOut(onLeave);
  if (editing) {
    return (
      <div className="flex h-full flex-col gap-1 overflow-y-auto" onBlur={onBlur}>
        {touchpoint.opportunities.map((o, i) => (
          <div key={o.id} className="flex flex-col gap-0.5">
            <ItemTextEditor text={getOpportunityText(doc, touchpoint.id, o.id)} label={t("opportunityN", { n: i + 1 })} onLeave={onLeave} onRemove={() => edit((d) => removeOpportunity(d, touchpoint.id, o.id))} />
            <select
              value={o.status}
              aria-label={t("statusOf", { item: t("opportunityN", { n: i + 1 }) })}
              onChange={(e) => edit((d) => updateOpportunity(d, touchpoint.id, o.id, { status: e.target.value as OpportunityStatus }))}
              className="w-fit rounded border border-slate-300 bg-white px-1 py-0 text-xs"
            >
              {(["open", "in_progress", "done"] as const).map((s) => (
                <option key={s} value={s}>{t(`status.${s}`)}</option>
              ))}
            </select>
          </div>
        ))}
        <AddItemInput label={t("addOpportunity")} autoFocus onLeave={onLeave} onAdd={(v) => edit((d) => addOpportunity(d, touchpoint.id, { text: v }))} />
      </div>
    );
  }
  if (!touchpoint.opportunities.length) return <Placeholder>—</Placeholder>;
  return (
    <ul className="space-y-0.5 text-sm text-slate-700">
      {touchpoint.opportunities.map((o) => (
        <li key={o.id} className="flex items-start gap-1">
          <span className={`mt-0.5 shrink-0 rounded px-1 text-[10px] font-semibold ${STATUS_STYLE[o.status]}`} title={t(`status.${o.status}`)}>
            <span aria-hidden>{STATUS_ICON[o.status]}</span> <span className="sr-only">{t(`status.${o.status}`)}</span>
          </span>
          <span className="line-clamp-2">{o.text}</span>
        </li>
      ))}
    </ul>
  );
}

function DepartmentCell({ touchpoint, editing, onLeave }: Omit<CellProps, "lane">) {
  const { edit, departments, people, members } = useEditor();
  const t = useTranslations("editor");
  const onBlur = useLeaveOnFocusOut(onLeave);
  // By id (issue 13): a member as owner, a workspace department.
  const owner = useDraft(touchpoint.owner, (v) => edit(ownerEdit(members, touchpoint.id, v)));
  const color = departmentColor(departments, touchpoint.department);
  if (editing) {
    const known = departments.some((d) => d.name === touchpoint.department);
    return (
      <div className="flex flex-col gap-1" onBlur={onBlur}>
        <select
          autoFocus
          value={touchpoint.department}
          aria-label={t("lanes.department")}
          data-testid="editor-department"
          onChange={(e) => edit(departmentEdit(departments, touchpoint.id, e.target.value))}
          onKeyDown={leaveKeys(onLeave, false)}
          className="w-full rounded border border-slate-300 bg-white px-1 py-0.5 text-sm focus:border-brand-500 focus:outline-none"
        >
          <option value="">{t("noDepartment")}</option>
          {!known && touchpoint.department ? <option value={touchpoint.department}>{touchpoint.department}</option> : null}
          {departments.map((d) => (
            <option key={d.id} value={d.name}>{d.name}</option>
          ))}
        </select>
        <input
          list="suggest-people"
          value={owner.draft}
          placeholder={t("responsiblePerson")}
          aria-label={t("responsiblePerson")}
          maxLength={200}
          onChange={(e) => owner.setDraft(e.target.value)}
          onBlur={() => owner.flush()}
          onKeyDown={(e) => {
            if (e.key === "Enter" || e.key === "Escape") {
              e.preventDefault();
              e.stopPropagation();
              owner.flush();
              onLeave();
            }
          }}
          className="w-full rounded border border-slate-300 bg-white px-1.5 py-0.5 text-sm focus:border-brand-500 focus:outline-none"
        />
        <datalist id="suggest-people">
          {people.map((p) => (
            <option key={p} value={p} />
          ))}
        </datalist>
      </div>
    );
  }
  return (
    <div className="min-w-0 text-sm">
      {touchpoint.department ? (
        <div className="flex items-center gap-1.5 font-medium text-slate-800">
          <span aria-hidden className="h-2.5 w-2.5 shrink-0 rounded-full" style={{ background: color ?? "#94a3b8" }} />
          <span className="truncate">{touchpoint.department}</span>
        </div>
      ) : (
        <Placeholder>{t("noDepartment")}</Placeholder>
      )}
      {touchpoint.owner ? <div className="truncate text-xs text-slate-600">{touchpoint.owner}</div> : null}
    </div>
  );
}

function SystemsCell({ touchpoint, editing, onLeave }: Omit<CellProps, "lane">) {
  const { edit } = useEditor();
  const t = useTranslations("editor");
  const onBlur = useLeaveOnFocusOut(onLeave);
  return (
    // Scrolls only while editing: a scrollable cell without focusable content is a keyboard dead end.
    <div className={`flex h-full flex-col gap-1 ${editing ? "overflow-y-auto" : "overflow-hidden"}`} onBlur={editing ? onBlur : undefined}>
      <ul className="flex flex-wrap gap-1">
        {touchpoint.systems.map((s) => (
          <li key={s} className="inline-flex items-center gap-0.5 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
            {s}
            {editing ? (
              <button type="button" aria-label={t("removeItem", { item: s })} onClick={() => edit((d) => removeSystem(d, touchpoint.id, s))} className="text-slate-500 hover:text-red-700">
                ×
              </button>
            ) : null}
          </li>
        ))}
        {!editing && !touchpoint.systems.length ? <li><Placeholder>—</Placeholder></li> : null}
      </ul>
      {editing ? <AddItemInput label={t("addSystem")} autoFocus onLeave={onLeave} onAdd={(v) => edit((d) => addSystem(d, touchpoint.id, v))} /> : null}
    </div>
  );
}

/** Number formatting for KPI values in the user's locale. */
function useFormatNumber() {
  const locale = useLocale();
  return (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** KPIs with actual vs target: colour plus an icon and the numbers (never colour alone). */
export function KpiList({ kpis, compact }: { kpis: Kpi[]; compact?: boolean }) {
  const t = useTranslations("editor");
  const format = useFormatNumber();
  if (!kpis.length) return <Placeholder>—</Placeholder>;
  return (
    <ul className="space-y-0.5 text-sm">
      {kpis.map((k) => {
        const onTarget = kpiOnTarget(k);
        const tone = onTarget === null ? "text-slate-600" : onTarget ? "text-green-700" : "text-red-700";
        const icon = onTarget === null ? "–" : onTarget ? "✓" : "✗";
        const status = onTarget === null ? t("kpiNoData") : onTarget ? t("kpiOnTarget") : t("kpiOffTarget");
        return (
          <li key={k.id} className={`flex items-baseline gap-1 ${compact ? "truncate" : ""}`} data-testid="kpi" data-on-target={onTarget === null ? "unknown" : String(onTarget)}>
            <span aria-hidden className={`font-bold ${tone}`}>{icon}</span>
            <span className="sr-only">{status}:</span>
            <span className="truncate text-slate-800">{k.name}</span>
            <span className={`ml-auto shrink-0 tabular-nums ${tone}`}>
              {k.actual === null ? "–" : format(k.actual)}
              <span className="text-slate-500">/{k.target === null ? "–" : format(k.target)}{k.unit ? ` ${k.unit}` : ""}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function EvidenceSummary({ touchpoint }: { touchpoint: Touchpoint }) {
  const t = useTranslations("editor");
  if (!touchpoint.evidence.length) return <Placeholder>—</Placeholder>;
  return (
    <ul className="space-y-0.5 text-sm text-slate-700">
      {touchpoint.evidence.slice(0, 3).map((e) => (
        <li key={e.id} className="flex gap-1">
          <span className="shrink-0 rounded bg-slate-100 px-1 text-[10px] font-semibold uppercase text-slate-600" title={t(`evidenceKind.${e.kind}`)}>
            {e.kind === "quantitative" ? "#" : "❝"}
            <span className="sr-only">{t(`evidenceKind.${e.kind}`)}</span>
          </span>
          <span className="line-clamp-1">{e.text}</span>
        </li>
      ))}
      {touchpoint.evidence.length > 3 ? <li className="text-xs text-slate-500">{t("moreItems", { count: touchpoint.evidence.length - 3 })}</li> : null}
    </ul>
  );
}
