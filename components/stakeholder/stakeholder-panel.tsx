"use client";
// The side panel of the stakeholder map: details of the selected stakeholder (with the touchpoints
// its department owns) or relationship, else the map's overview and legend.
import { useState } from "react";
import { useTranslations } from "next-intl";
import type * as Y from "yjs";
import { CollabText } from "@/components/collab/collab-text";
import { emotionKey, formatScore } from "@/components/emotion/emotion";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import {
  addRelationship,
  CUSTOMER,
  DIRECTIONS,
  PROVIDES,
  relationshipLabelText,
  removeRelationship,
  RINGS,
  STAKEHOLDER_LIMITS,
  STAKEHOLDER_TYPES,
  stakeholderText,
  updateRelationship,
  updateStakeholder,
  type Provides,
  type StakeholderMapData,
} from "@/lib/stakeholders/stakeholder-document";
import { DepartmentTouchpoints } from "./department-touchpoints";
import { PROVIDES_COLOR, TYPE_COLOR, type Selection } from "./stakeholder-canvas";

type Props = {
  slug: string;
  doc: Y.Doc;
  origin: object;
  data: StakeholderMapData;
  selection: Selection;
  canEdit: boolean;
  departments: string[];
  onSelect: (s: Selection) => void;
  onRemoveStakeholder: (id: string) => void;
  onTitle: (title: string) => void;
};

const labelClass = "mb-1 block text-xs font-medium text-slate-600";

export function StakeholderPanel(props: Props) {
  const { data, selection } = props;
  const t = useTranslations("stakeholders");
  const stakeholder = selection?.kind === "stakeholder" ? data.stakeholders.find((s) => s.id === selection.id) : undefined;
  const relationship = selection?.kind === "relationship" ? data.relationships.find((r) => r.id === selection.id) : undefined;
  return (
    <aside className="rounded-xl border border-slate-200 bg-white p-4" aria-label={t("panel.title")} data-testid="stakeholder-panel">
      {stakeholder ? (
        <StakeholderDetails key={stakeholder.id} {...props} id={stakeholder.id} />
      ) : relationship ? (
        <RelationshipDetails key={relationship.id} {...props} id={relationship.id} />
      ) : (
        <Overview {...props} />
      )}
      {!stakeholder && !relationship ? null : (
        <div className="mt-4 border-t border-slate-100 pt-3">
          <Button variant="ghost" size="sm" onClick={() => props.onSelect(null)}>{t("panel.close")}</Button>
        </div>
      )}
    </aside>
  );
}

function Overview({ data, canEdit, onTitle }: Props) {
  const t = useTranslations("stakeholders");
  const [title, setTitle] = useState(data.title);
  const [editing, setEditing] = useState(false);
  const shownTitle = editing ? title : data.title;
  return (
    <div className="space-y-4">
      <div>
        <label htmlFor="sm-title" className={labelClass}>{t("panel.mapTitle")}</label>
        <input
          id="sm-title"
          className={inputClass}
          value={shownTitle}
          readOnly={!canEdit}
          maxLength={STAKEHOLDER_LIMITS.title}
          onFocus={() => { setTitle(data.title); setEditing(true); }}
          onChange={(e) => setTitle(e.target.value)}
          onBlur={() => {
            setEditing(false);
            if (canEdit && title.trim() && title !== data.title) onTitle(title.trim());
          }}
          onKeyDown={(e) => e.key === "Enter" && (e.target as HTMLInputElement).blur()}
          data-testid="stakeholder-map-title"
        />
      </div>
      <p className="text-sm text-slate-600">{t("panel.stats", { stakeholders: data.stakeholders.length, relationships: data.relationships.length })}</p>
      <p className="text-sm text-slate-600">{t("panel.overview")}</p>
      <Legend />
      <p className="text-xs text-slate-500">{t("keyboardHelp")}</p>
    </div>
  );
}

/** What shapes, colours and rings mean (never colour alone: shapes and labels too). */
export function Legend() {
  const t = useTranslations("stakeholders");
  return (
    <div>
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{t("toolbar.legend")}</h3>
      <ul className="grid grid-cols-2 gap-1 text-xs text-slate-700">
        {STAKEHOLDER_TYPES.map((type) => (
          <li key={type} className="flex items-center gap-1.5">
            <svg width="16" height="16" viewBox="-12 -12 24 24" aria-hidden>
              {type === "department" ? <rect x={-9} y={-9} width={18} height={18} rx={3} fill={TYPE_COLOR[type]} /> : type === "partner" ? <path d="M 0 -11 L 11 0 L 0 11 L -11 0 Z" fill={TYPE_COLOR[type]} /> : type === "system" ? <polygon points="9.5,5.5 0,11 -9.5,5.5 -9.5,-5.5 0,-11 9.5,-5.5" fill={TYPE_COLOR[type]} /> : <circle r={10} fill={TYPE_COLOR[type]} />}
            </svg>
            {t(`types.${type}`)}
          </li>
        ))}
      </ul>
      <ul className="mt-2 grid grid-cols-2 gap-1 text-xs text-slate-700">
        {PROVIDES.map((k) => (
          <li key={k} className="flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-0.5 w-5" style={{ backgroundColor: PROVIDES_COLOR[k] }} />
            {t(`provides.${k}`)}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-slate-600">{t("influence.label")}: −3 … +3</p>
    </div>
  );
}

function StakeholderDetails({ slug, doc, origin, data, canEdit, departments, onSelect, onRemoveStakeholder, id }: Props & { id: string }) {
  const t = useTranslations("stakeholders");
  const s = data.stakeholders.find((x) => x.id === id)!;
  const [confirming, setConfirming] = useState(false);
  const [target, setTarget] = useState("");
  const [kind, setKind] = useState<Provides>("information");
  const edit = (fn: () => void) => canEdit && doc.transact(fn, origin);
  const nameText = stakeholderText(doc, id, "name");
  const descriptionText = stakeholderText(doc, id, "description");
  const rels = data.relationships.filter((r) => r.from === id || r.to === id);
  const nameOf = (x: string) => (x === CUSTOMER ? t("customer") : data.stakeholders.find((o) => o.id === x)?.name ?? x);
  const deptOptions = [...new Set([...departments, ...(s.department ? [s.department] : [])])].sort((a, b) => a.localeCompare(b));

  return (
    <div className="space-y-3" data-testid="stakeholder-details">
      <h2 className="text-base font-semibold text-slate-900">{s.name || "—"}</h2>
      {nameText ? (
        <div>
          <label htmlFor="sh-name" className={labelClass}>{t("panel.name")}</label>
          <CollabText id="sh-name" text={nameText} origin={origin} readOnly={!canEdit} maxLength={STAKEHOLDER_LIMITS.name} className={inputClass} data-testid="stakeholder-name" />
        </div>
      ) : null}
      <div className="grid grid-cols-2 gap-2">
        <div>
          <label htmlFor="sh-type" className={labelClass}>{t("panel.type")}</label>
          <select id="sh-type" className={inputClass} value={s.type} disabled={!canEdit} onChange={(e) => edit(() => updateStakeholder(doc, id, { type: e.target.value as typeof s.type }))}>
            {STAKEHOLDER_TYPES.map((x) => <option key={x} value={x}>{t(`types.${x}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="sh-ring" className={labelClass}>{t("panel.ring")}</label>
          <select id="sh-ring" className={inputClass} value={s.ring} disabled={!canEdit} onChange={(e) => edit(() => updateStakeholder(doc, id, { ring: e.target.value as typeof s.ring }))}>
            {RINGS.map((x) => <option key={x} value={x}>{t(`rings.${x}`)}</option>)}
          </select>
        </div>
      </div>
      {s.type === "department" ? (
        <div>
          <label htmlFor="sh-dept" className={labelClass}>{t("panel.department")}</label>
          <select id="sh-dept" className={inputClass} value={s.department ?? ""} disabled={!canEdit} onChange={(e) => edit(() => updateStakeholder(doc, id, { department: e.target.value }))} aria-describedby="sh-dept-hint">
            {!s.department ? <option value="">{t("panel.chooseDepartment")}</option> : null}
            {deptOptions.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
          <p id="sh-dept-hint" className="mt-1 text-xs text-slate-500">{t("panel.departmentHint")}</p>
        </div>
      ) : null}
      <div>
        <label htmlFor="sh-influence" className={labelClass}>{t("influence.label")}</label>
        <div className="flex items-center gap-2">
          <input id="sh-influence" type="range" min={-3} max={3} step={1} value={s.influence} disabled={!canEdit} onChange={(e) => edit(() => updateStakeholder(doc, id, { influence: Number(e.target.value) }))} className="flex-1" aria-valuetext={`${formatScore(s.influence)} ${t(`influence.levels.${emotionKey(s.influence)}`)}`} />
          <span className="w-32 text-right text-xs font-medium text-slate-700" data-testid="stakeholder-influence">{formatScore(s.influence)} · {t(`influence.levels.${emotionKey(s.influence)}`)}</span>
        </div>
      </div>
      {descriptionText ? (
        <div>
          <label htmlFor="sh-desc" className={labelClass}>{t("panel.description")}</label>
          <CollabText id="sh-desc" multiline rows={3} text={descriptionText} origin={origin} readOnly={!canEdit} maxLength={STAKEHOLDER_LIMITS.description} className={`${inputClass} [field-sizing:content]`} />
        </div>
      ) : null}

      {s.type === "department" && s.department ? (
        <section className="border-t border-slate-100 pt-3">
          <h3 className="mb-2 text-sm font-semibold text-slate-900">{t("touchpoints.title")}</h3>
          <DepartmentTouchpoints slug={slug} department={s.department} />
        </section>
      ) : null}

      <section className="border-t border-slate-100 pt-3">
        <h3 className="mb-2 text-sm font-semibold text-slate-900">{t("panel.relationships")}</h3>
        {rels.length === 0 ? <p className="text-sm text-slate-600">{t("panel.noRelationships")}</p> : (
          <ul className="space-y-1">
            {rels.map((r) => (
              <li key={r.id}>
                <button type="button" onClick={() => onSelect({ kind: "relationship", id: r.id })} className="flex w-full items-center gap-2 rounded-md px-2 py-1 text-left text-sm hover:bg-slate-50">
                  <span aria-hidden className="inline-block h-0.5 w-4" style={{ backgroundColor: PROVIDES_COLOR[r.provides] }} />
                  <span className="flex-1 truncate">{nameOf(r.from)} {r.direction === "both" ? "⇄" : "→"} {nameOf(r.to)}: {r.label || t(`provides.${r.provides}`)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {canEdit ? (
          <form
            className="mt-2 flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              if (!target) return;
              const created: { id?: string } = {};
              edit(() => { created.id = addRelationship(doc, { from: id, to: target, provides: kind }); });
              if (created.id) onSelect({ kind: "relationship", id: created.id });
            }}
          >
            <div className="min-w-28 flex-1">
              <label htmlFor="sh-rel-to" className={labelClass}>{t("panel.to")}</label>
              <select id="sh-rel-to" className={inputClass} value={target} onChange={(e) => setTarget(e.target.value)}>
                <option value="">—</option>
                <option value={CUSTOMER}>{t("customer")}</option>
                {data.stakeholders.filter((o) => o.id !== id).map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
              </select>
            </div>
            <div>
              <label htmlFor="sh-rel-kind" className={labelClass}>{t("panel.kind")}</label>
              <select id="sh-rel-kind" className={inputClass} value={kind} onChange={(e) => setKind(e.target.value as Provides)}>
                {PROVIDES.map((k) => <option key={k} value={k}>{t(`provides.${k}`)}</option>)}
              </select>
            </div>
            <Button type="submit" size="sm" variant="secondary" disabled={!target}>{t("panel.addRelationship")}</Button>
          </form>
        ) : null}
      </section>

      {canEdit ? (
        <div className="border-t border-slate-100 pt-3">
          <Button variant="ghost" size="sm" className="text-red-700! hover:bg-red-50" onClick={() => setConfirming(true)} data-testid="remove-stakeholder">{t("panel.removeStakeholder")}</Button>
          <ConfirmDialog
            open={confirming}
            title={t("panel.removeStakeholderTitle", { name: s.name })}
            description={t("panel.removeStakeholderText", { name: s.name, count: rels.length })}
            confirmLabel={t("panel.removeStakeholder")}
            onCancel={() => setConfirming(false)}
            onConfirm={() => {
              setConfirming(false);
              onRemoveStakeholder(id);
            }}
          />
        </div>
      ) : null}
    </div>
  );
}

function RelationshipDetails({ doc, origin, data, canEdit, onSelect, id }: Props & { id: string }) {
  const t = useTranslations("stakeholders");
  const r = data.relationships.find((x) => x.id === id)!;
  const edit = (fn: () => void) => canEdit && doc.transact(fn, origin);
  const nameOf = (x: string) => (x === CUSTOMER ? t("customer") : data.stakeholders.find((o) => o.id === x)?.name ?? x);
  const label = relationshipLabelText(doc, id);
  return (
    <div className="space-y-3" data-testid="relationship-details">
      <h2 className="text-base font-semibold text-slate-900">{t("panel.relationshipTitle")}</h2>
      <p className="text-sm text-slate-700">{t("panel.provides", { from: nameOf(r.from), kind: t(`provides.${r.provides}`), to: nameOf(r.to) })}</p>
      <div className="grid grid-cols-2 gap-2">
        <div>
          <label htmlFor="rel-kind" className={labelClass}>{t("panel.kind")}</label>
          <select id="rel-kind" className={inputClass} value={r.provides} disabled={!canEdit} onChange={(e) => edit(() => updateRelationship(doc, id, { provides: e.target.value as Provides }))}>
            {PROVIDES.map((k) => <option key={k} value={k}>{t(`provides.${k}`)}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="rel-dir" className={labelClass}>{t("panel.direction")}</label>
          <select id="rel-dir" className={inputClass} value={r.direction} disabled={!canEdit} onChange={(e) => edit(() => updateRelationship(doc, id, { direction: e.target.value as typeof r.direction }))}>
            {DIRECTIONS.map((d) => <option key={d} value={d}>{t(`directions.${d}`)}</option>)}
          </select>
        </div>
      </div>
      {label ? (
        <div>
          <label htmlFor="rel-label" className={labelClass}>{t("panel.label")}</label>
          <CollabText id="rel-label" text={label} origin={origin} readOnly={!canEdit} maxLength={STAKEHOLDER_LIMITS.label} placeholder={canEdit ? t("panel.labelPlaceholder") : ""} className={inputClass} data-testid="relationship-label" />
        </div>
      ) : null}
      {canEdit ? (
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" size="sm" onClick={() => edit(() => updateRelationship(doc, id, { reverse: true }))}>⇆ {t("panel.reverse")}</Button>
          <Button variant="ghost" size="sm" className="text-red-700! hover:bg-red-50" onClick={() => { edit(() => removeRelationship(doc, id)); onSelect(null); }}>{t("panel.removeRelationship")}</Button>
        </div>
      ) : null}
    </div>
  );
}
