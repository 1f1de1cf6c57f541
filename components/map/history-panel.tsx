"use client";
// Map history: saved versions (label, who, when), "Save version" for editors, and "Compare with now"
// showing what changed since a version. A side panel on the native <dialog> (focus trap, Esc closes).
import { useCallback, useId, useState } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { useFormatter, useTranslations } from "next-intl";
import { compareMapVersionAction } from "@/lib/actions/maps/compare-map-version";
import { createMapVersionAction } from "@/lib/actions/maps/create-map-version";
import { listMapVersionsAction } from "@/lib/actions/maps/list-map-versions";
import type { MapDiff } from "@/lib/maps/diff-maps";
import type { MapVersionItem } from "@/lib/maps/map-versions";
import { inputClass } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";
import { MapReviewsSection } from "@/components/discuss/map-follow-up-panel";

type Props = {
  open: boolean;
  onClose: () => void;
  workspaceSlug: string;
  mapId: string;
  canEdit: boolean;
  /** Restores a version in the live document (one undoable change); resolves false when it failed. */
  onRestore?: (versionId: string, label: string) => Promise<boolean>;
};
type Comparison = { versionId: string; state: "loading" } | { versionId: string; state: "error"; message: string } | { versionId: string; state: "done"; diff: MapDiff };

export function HistoryPanel({ open, onClose, workspaceSlug, mapId, canEdit, onRestore }: Props) {
  const t = useTranslations("editor.history");
  const tv = useTranslations("versions");
  const [compareWith, setCompareWith] = useState<Record<string, string>>({});
  const [confirmRestore, setConfirmRestore] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const format = useFormatter();
  const titleId = useId();
  const [versions, setVersions] = useState<MapVersionItem[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [label, setLabel] = useState("");
  const [labelError, setLabelError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [comparison, setComparison] = useState<Comparison | null>(null);

  const load = useCallback(async () => {
    setListError(null);
    const result = await listMapVersionsAction({ workspace: workspaceSlug, mapId });
    if (result.ok) setVersions(result.data);
    else setListError(result.error.message);
  }, [workspaceSlug, mapId]);

  const opened = () => {
    setVersions(null);
    setComparison(null);
    void load();
  };

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const value = label.trim();
    if (!value) return setLabelError(t("label_required"));
    if (value.length > 120) return setLabelError(t("label_too_long"));
    setSaving(true);
    setLabelError(null);
    const result = await createMapVersionAction({ workspace: workspaceSlug, mapId, label: value });
    setSaving(false);
    if (result.ok) {
      setLabel("");
      setVersions((v) => [result.data, ...(v ?? [])]);
    } else {
      const field = result.error.fields?.label;
      setLabelError(field === "label_required" || field === "label_too_long" ? t(field) : result.error.code === "conflict" ? t("limitReached") : result.error.message);
    }
  };

  const compare = async (versionId: string) => {
    if (comparison?.versionId === versionId && comparison.state !== "error") return setComparison(null);
    setComparison({ versionId, state: "loading" });
    // Always from the older to the newer state, so "added" means added over time.
    const other = compareWith[versionId] || null;
    const list = versions ?? [];
    const otherIsOlder = other !== null && list.findIndex((v) => v.id === other) > list.findIndex((v) => v.id === versionId);
    const result = await compareMapVersionAction(
      otherIsOlder ? { workspace: workspaceSlug, mapId, versionId: other!, otherVersionId: versionId } : { workspace: workspaceSlug, mapId, versionId, otherVersionId: other },
    );
    setComparison(result.ok ? { versionId, state: "done", diff: result.data.diff } : { versionId, state: "error", message: result.error.message });
  };

  return (
    <ModalDialog open={open} onOpen={opened} onClose={onClose} labelledBy={titleId} layout="side" data-testid="history-panel">
      <div className="sticky top-0 z-10 flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3">
        <h2 id={titleId} className="text-base font-semibold text-slate-900">{t("title")}</h2>
        <button type="button" onClick={onClose} className="rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500" aria-label={t("close")} data-testid="history-close">
          <span aria-hidden>✕</span>
        </button>
      </div>
      <div className="space-y-4 px-4 py-4">
        <p className="text-sm text-slate-600">{t("intro")}</p>
        {canEdit ? (
          <form onSubmit={save} className="flex items-start gap-2" data-testid="history-save-form" noValidate>
            <div className="flex-1">
              <label htmlFor={`${titleId}-label`} className="sr-only">{t("labelField")}</label>
              <input
                id={`${titleId}-label`}
                value={label}
                onChange={(e) => setLabel(e.target.value)}
                maxLength={120}
                placeholder={t("labelPlaceholder")}
                aria-invalid={labelError ? true : undefined}
                aria-describedby={labelError ? `${titleId}-label-error` : undefined}
                className={inputClass}
                data-testid="history-label"
              />
              {labelError ? <p id={`${titleId}-label-error`} role="alert" className="mt-1 text-sm text-red-600">{labelError}</p> : null}
            </div>
            <button type="submit" disabled={saving} className="shrink-0 rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60" data-testid="history-save">
              {saving ? t("saving") : t("save")}
            </button>
          </form>
        ) : null}

        {listError ? (
          <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            {listError}{" "}
            <button type="button" onClick={() => void load()} className="font-medium underline">{t("retry")}</button>
          </div>
        ) : versions === null ? (
          <div className="space-y-2" aria-busy="true" aria-label={t("loading")}>
            <Skeleton className="h-14 w-full" />
            <Skeleton className="h-14 w-full" />
            <Skeleton className="h-14 w-full" />
          </div>
        ) : versions.length === 0 ? (
          <div className="rounded-md border border-dashed border-slate-300 p-6 text-center" data-testid="history-empty">
            <p className="text-sm font-medium text-slate-800">{t("emptyTitle")}</p>
            <p className="mt-1 text-sm text-slate-600">{canEdit ? t("emptyEditor") : t("emptyViewer")}</p>
          </div>
        ) : (
          <ul className="space-y-2" data-testid="history-list">
            {versions.map((v) => {
              const active = comparison?.versionId === v.id;
              return (
                <li key={v.id} className="rounded-md border border-slate-200" data-testid="history-version">
                  <div className="flex items-center gap-2 p-3">
                    <div className="min-w-0 flex-1">
                      <p className="truncate text-sm font-medium text-slate-900">
                        {versionName(v, tv, format)}
                        {v.kind !== "named" ? <span className="ml-2 rounded bg-slate-100 px-1.5 text-xs font-normal text-slate-600">{tv(`kind.${v.kind}`)}</span> : null}
                      </p>
                      <p className="text-xs text-slate-600">
                        {t("byWhen", { name: v.createdByName ?? t("unknownUser"), when: format.dateTime(new Date(v.createdAt), { dateStyle: "medium", timeStyle: "short" }) })}
                      </p>
                    </div>
                    <a
                      href={`/w/${workspaceSlug}/maps/${mapId}/versions/${v.id}`}
                      className="shrink-0 rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-500"
                      data-testid="history-view"
                    >
                      {tv("view")}
                    </a>
                    <button
                      type="button"
                      onClick={() => void compare(v.id)}
                      aria-expanded={active && comparison?.state !== "error"}
                      className="shrink-0 rounded-md border border-slate-300 px-2.5 py-1 text-sm text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-500"
                      data-testid="history-compare"
                    >
                      {active && comparison?.state === "done" ? t("hideComparison") : t("compare")}
                    </button>
                  </div>
                  <div className="flex flex-wrap items-center gap-2 px-3 pb-3 text-xs text-slate-700">
                    <label className="flex items-center gap-1">
                      {tv("compareWith")}
                      <select
                        value={compareWith[v.id] ?? ""}
                        onChange={(e) => {
                          setCompareWith((m) => ({ ...m, [v.id]: e.target.value }));
                          if (comparison?.versionId === v.id) setComparison(null);
                        }}
                        className="max-w-48 rounded border border-slate-300 px-1 py-0.5"
                        data-testid="history-compare-with"
                      >
                        <option value="">{tv("now")}</option>
                        {versions.filter((o) => o.id !== v.id).map((o) => <option key={o.id} value={o.id}>{versionName(o, tv, format)}</option>)}
                      </select>
                    </label>
                    {canEdit && onRestore ? (
                      confirmRestore === v.id ? (
                        <span className="ml-auto flex items-center gap-1" role="group" aria-label={tv("restoreConfirmTitle")}>
                          <span>{tv("restoreConfirm")}</span>
                          <button
                            type="button"
                            disabled={restoring}
                            onClick={async () => {
                              setRestoring(true);
                              const ok = await onRestore(v.id, v.label);
                              setRestoring(false);
                              setConfirmRestore(null);
                              if (ok) onClose();
                            }}
                            className="rounded-md bg-amber-600 px-2 py-1 font-medium text-white hover:bg-amber-700 disabled:opacity-60"
                            data-testid="history-restore-confirm"
                          >
                            {restoring ? tv("restoring") : tv("restoreNow")}
                          </button>
                          <button type="button" onClick={() => setConfirmRestore(null)} className="rounded px-2 py-1 hover:bg-slate-100">{tv("cancel")}</button>
                        </span>
                      ) : (
                        <button type="button" onClick={() => setConfirmRestore(v.id)} className="ml-auto rounded-md border border-slate-300 px-2 py-1 text-amber-800 hover:bg-amber-50" data-testid="history-restore">
                          {tv("restore")}
                        </button>
                      )
                    ) : null}
                  </div>
                  {active ? (
                    <div className="border-t border-slate-200 p-3" aria-live="polite">
                      {comparison.state === "loading" ? (
                        <div className="space-y-2" aria-busy="true" aria-label={t("loading")}>
                          <Skeleton className="h-4 w-2/3" />
                          <Skeleton className="h-4 w-1/2" />
                        </div>
                      ) : comparison.state === "error" ? (
                        <p role="alert" className="text-sm text-red-700">{comparison.message}</p>
                      ) : (
                        <DiffView diff={comparison.diff} />
                      )}
                    </div>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
        {open ? <MapReviewsSection workspaceSlug={workspaceSlug} mapId={mapId} /> : null}
      </div>
    </ModalDialog>
  );
}

/** A version's display name: daily versions are named by their date in the user's language. */
function versionName(v: MapVersionItem, tv: ReturnType<typeof useTranslations<"versions">>, format: ReturnType<typeof useFormatter>) {
  if (v.kind === "daily") return tv("dailyName", { date: format.dateTime(new Date(v.createdAt), { dateStyle: "medium" }) });
  return v.label;
}

/** An emotion value (-3…+3) with its sign, e.g. "+1.5", "−2", "0". */
function signed(n: number, format: ReturnType<typeof useFormatter>) {
  return format.number(Math.abs(n) < 0.05 ? 0 : n, { maximumFractionDigits: 1, signDisplay: "exceptZero" });
}

function Arrow({ before, after }: { before: number | null; after: number | null }) {
  const t = useTranslations("editor.history");
  if (before === null || after === null || before === after) return <span aria-hidden className="text-slate-500">→</span>;
  const up = after > before;
  return (
    <span className={up ? "text-green-700" : "text-red-700"}>
      <span aria-hidden>{up ? "↗" : "↘"}</span>
      <span className="sr-only">{up ? t("better") : t("worse")}</span>
    </span>
  );
}

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId: string }) {
  return (
    <section className="mt-3 first:mt-0" data-testid={testId}>
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h3>
      <ul className="mt-1 space-y-1 text-sm text-slate-800">{children}</ul>
    </section>
  );
}

const clip = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);

function DiffView({ diff }: { diff: MapDiff }) {
  const t = useTranslations("editor.history");
  const tv = useTranslations("versions");
  const format = useFormatter();
  const emo = (v: number | null) => (v === null ? t("notRated") : signed(v, format));
  const untitled = (s: string) => s || t("untitled");
  const kpiStatus = (v: boolean | null) => (v === null ? t("kpiNoStatus") : v ? t("kpiOnTarget") : t("kpiOffTarget"));
  const { averageEmotion: avg, touchpoints, gaps, kpis, stages } = diff;
  return (
    <div data-testid="history-diff">
      <p className="flex flex-wrap items-center gap-1.5 text-sm text-slate-800" data-testid="history-average">
        <span className="font-medium">{t("averageEmotion")}:</span>
        <span className="tabular-nums">{emo(avg.before)}</span>
        <Arrow before={avg.before} after={avg.after} />
        <span className="tabular-nums font-semibold">{emo(avg.after)}</span>
      </p>
      {diff.unchanged ? <p className="mt-2 text-sm text-slate-600" data-testid="history-unchanged">{t("unchanged")}</p> : null}
      <div className="mt-2">
        {touchpoints.changed.length ? (
          <Section title={t("changed", { count: touchpoints.changed.length })} testId="history-changed">
            {touchpoints.changed.map((c) => (
              <li key={c.id}>
                <span className="font-medium">{untitled(c.title)}</span> <span className="text-slate-500">({untitled(c.stageName)})</span>
                <ul className="ml-4 list-disc text-slate-700">
                  {c.changes.emotion ? (
                    <li>
                      {t("emotion")}: <span className="tabular-nums">{emo(c.changes.emotion.before)}</span> <Arrow before={c.changes.emotion.before} after={c.changes.emotion.after} />{" "}
                      <span className="tabular-nums font-semibold">{emo(c.changes.emotion.after)}</span>
                    </li>
                  ) : null}
                  {c.changes.title ? <li>{t("fieldChange", { field: t("titleField"), before: untitled(c.changes.title.before), after: untitled(c.changes.title.after) })}</li> : null}
                  {c.changes.stage ? <li>{t("fieldChange", { field: t("stageField"), before: untitled(c.changes.stage.before), after: untitled(c.changes.stage.after) })}</li> : null}
                  {c.changes.department ? <li>{t("fieldChange", { field: t("departmentField"), before: c.changes.department.before || "—", after: c.changes.department.after || "—" })}</li> : null}
                  {c.changes.momentOfTruth ? <li>{c.changes.momentOfTruth.after ? t("becameMomentOfTruth") : t("noLongerMomentOfTruth")}</li> : null}
                  {c.changes.texts?.map((x) => (
                    <li key={x.field} data-testid="history-text-change">
                      {t("fieldChange", { field: x.field.startsWith("lane:") ? x.field.slice(5) : tv(`field.${x.field}`), before: clip(x.before) || "—", after: clip(x.after) || "—" })}
                    </li>
                  ))}
                  {c.changes.painPoints?.added.map((x, i) => <li key={`pa${i}`}>{tv("painPointAdded", { text: clip(x) })}</li>)}
                  {c.changes.painPoints?.removed.map((x, i) => <li key={`pr${i}`}>{tv("painPointRemoved", { text: clip(x) })}</li>)}
                  {c.changes.opportunities?.added.map((x, i) => <li key={`oa${i}`}>{tv("opportunityAdded", { text: clip(x) })}</li>)}
                  {c.changes.opportunities?.removed.map((x, i) => <li key={`or${i}`}>{tv("opportunityRemoved", { text: clip(x) })}</li>)}
                </ul>
              </li>
            ))}
          </Section>
        ) : null}
        {touchpoints.added.length ? (
          <Section title={t("added", { count: touchpoints.added.length })} testId="history-added">
            {touchpoints.added.map((a) => <li key={a.id}><span className="text-green-700" aria-hidden>+ </span>{untitled(a.title)} <span className="text-slate-500">({untitled(a.stageName)})</span></li>)}
          </Section>
        ) : null}
        {touchpoints.removed.length ? (
          <Section title={t("removed", { count: touchpoints.removed.length })} testId="history-removed">
            {touchpoints.removed.map((r) => <li key={r.id}><span className="text-red-700" aria-hidden>− </span>{untitled(r.title)} <span className="text-slate-500">({untitled(r.stageName)})</span></li>)}
          </Section>
        ) : null}
        {gaps.opened.length ? (
          <Section title={t("gapsOpened", { count: gaps.opened.length })} testId="history-gaps-opened">
            {gaps.opened.map((g, i) => <li key={i}>{t("gap", { kind: t(`gapKind.${g.kind}`), from: untitled(g.fromTitle), to: untitled(g.toTitle), fromValue: g.fromValue, toValue: g.toValue })}</li>)}
          </Section>
        ) : null}
        {gaps.closed.length ? (
          <Section title={t("gapsClosed", { count: gaps.closed.length })} testId="history-gaps-closed">
            {gaps.closed.map((g, i) => <li key={i}>{t("gap", { kind: t(`gapKind.${g.kind}`), from: untitled(g.fromTitle), to: untitled(g.toTitle), fromValue: g.fromValue, toValue: g.toValue })}</li>)}
          </Section>
        ) : null}
        {kpis.length ? (
          <Section title={t("kpis", { count: kpis.length })} testId="history-kpis">
            {kpis.map((k) => (
              <li key={`${k.touchpointId}:${k.name}`}>
                <span className="font-medium">{k.name}</span> <span className="text-slate-500">({untitled(k.touchpointTitle)})</span>: {kpiStatus(k.before)} <span aria-hidden>→</span> <span className={k.after ? "font-semibold text-green-700" : k.after === false ? "font-semibold text-red-700" : ""}>{kpiStatus(k.after)}</span>
              </li>
            ))}
          </Section>
        ) : null}
        {diff.kpiValues?.length ? (
          <Section title={tv("kpiValues", { count: diff.kpiValues.length })} testId="history-kpi-values">
            {diff.kpiValues.map((k, i) => (
              <li key={`${k.touchpointId}:${k.name}:${i}`}>
                <span className="font-medium">{k.name}</span> <span className="text-slate-500">({untitled(k.touchpointTitle)})</span>:{" "}
                {k.change === "added" ? tv("kpiAdded") : k.change === "removed" ? tv("kpiRemoved") : tv("kpiChanged", { targetBefore: String(k.target.before ?? "—"), targetAfter: String(k.target.after ?? "—"), actualBefore: String(k.actual.before ?? "—"), actualAfter: String(k.actual.after ?? "—") })}
              </li>
            ))}
          </Section>
        ) : null}
        {stages.added.length || stages.removed.length || stages.renamed.length || stages.reordered ? (
          <Section title={t("stages")} testId="history-stages">
            {stages.added.map((s, i) => <li key={`a${i}`}><span className="text-green-700" aria-hidden>+ </span>{t("stageAdded", { name: untitled(s) })}</li>)}
            {stages.removed.map((s, i) => <li key={`r${i}`}><span className="text-red-700" aria-hidden>− </span>{t("stageRemoved", { name: untitled(s) })}</li>)}
            {stages.renamed.map((s, i) => <li key={`n${i}`}>{t("stageRenamed", { before: untitled(s.before), after: untitled(s.after) })}</li>)}
            {stages.reordered ? <li>{t("stagesReordered")}</li> : null}
          </Section>
        ) : null}
      </div>
    </div>
  );
}
