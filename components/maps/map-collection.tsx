"use client";
// The maps of a workspace as cards or table rows: title, personas, state, owner department, last
// change and emotion sparkline; rename, duplicate and delete (with confirmation and undo) for editors.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { useFormatter, useTranslations } from "next-intl";
import { Menu } from "@/components/map/menu";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PersonaAvatar } from "@/components/persona/persona-avatar";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { deleteMapAction, restoreMapAction } from "@/lib/actions/maps/delete-map";
import { duplicateMapAction } from "@/lib/actions/maps/duplicate-map";
import { ReviewDialog } from "@/components/discuss/review-dialog";
import { renameMapAction } from "@/lib/actions/maps/rename-map";
import { EmotionSparkline } from "@/components/charts/emotion-sparkline";
import { describeCurve } from "./describe-curve";
import { MapSettingsDialog, type SettingsOptions } from "./map-settings-dialog";
import { StateBadge } from "./state-badge";

export type MapItem = {
  id: string;
  title: string;
  state: "current" | "future";
  cyclic: boolean;
  ownerDepartment: string | null;
  touchpointCount: number;
  emotionCurve: (number | null)[];
  updatedAt: string;
  personas: { id: string; name: string; avatarColor: string; avatarUrl: string | null }[];
};

type Props = {
  slug: string;
  maps: MapItem[];
  canEdit: boolean;
  view: "grid" | "list";
  now: string;
  options: SettingsOptions;
  /** Shown instead of the list when there are no maps; the undo toast stays (deleting the last map). */
  empty?: React.ReactNode;
};

export function MapCollection({ slug, maps, canEdit, view, now, options, empty }: Props) {
  const t = useTranslations("maps");
  const format = useFormatter();
  const router = useRouter();
  const [renaming, setRenaming] = useState<MapItem | null>(null);
  const [configuring, setConfiguring] = useState<MapItem | null>(null);
  const [deleting, setDeleting] = useState<MapItem | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [toast, setToast] = useState<{ text: string; undoId?: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const changed = (iso: string) => format.relativeTime(new Date(iso), new Date(now));
  const curveLabel = (m: MapItem) => describeCurve(m.emotionCurve, (k, v) => t(k, v), (n) => format.number(n, { maximumFractionDigits: 1 }));
  const href = (m: MapItem) => `/w/${slug}/maps/${m.id}`;

  const duplicate = (m: MapItem) =>
    startTransition(async () => {
      const result = await duplicateMapAction({ workspace: slug, mapId: m.id, title: t("actions.copyTitle", { title: m.title }).slice(0, 300) });
      if (result.ok) router.push(`/w/${slug}/maps/${result.data.id}`);
      else setToast({ text: result.error.message });
    });

  // "Mark reviewed" asks for the team's note first (ReviewDialog).
  const [reviewing, setReviewing] = useState<MapItem | null>(null);
  const markReviewed = (m: MapItem) => setReviewing(m);

  const confirmDelete = () => {
    if (!deleting) return;
    const m = deleting;
    startTransition(async () => {
      const result = await deleteMapAction({ workspace: slug, mapId: m.id });
      if (!result.ok) {
        setDeleteError(result.error.message);
        return;
      }
      setDeleting(null);
      setDeleteError(null);
      setToast({ text: t("delete.done", { title: m.title }), undoId: m.id });
      router.refresh();
    });
  };

  const undoDelete = (id: string) =>
    startTransition(async () => {
      const result = await restoreMapAction({ workspace: slug, mapId: id });
      setToast(result.ok ? null : { text: result.error.message });
      router.refresh();
    });

  const menu = (m: MapItem) =>
    canEdit ? (
      <Menu
        label={t("actions.menu", { title: m.title })}
        testId={`map-actions-${m.id}`}
        buttonClassName="relative z-10 text-lg leading-none"
        items={[
          { label: t("actions.rename"), onSelect: () => setRenaming(m) },
          { label: t("settings.menu"), onSelect: () => setConfiguring(m) },
          { label: t("actions.duplicate"), onSelect: () => duplicate(m), disabled: pending },
          { label: t("actions.review"), onSelect: () => markReviewed(m), disabled: pending },
          { label: t("actions.delete"), onSelect: () => setDeleting(m), danger: true },
        ]}
      />
    ) : null;

  const personas = (m: MapItem) =>
    m.personas.length === 0 ? (
      <span className="text-xs text-slate-500">{t("noPersonas")}</span>
    ) : (
      <span className="flex items-center" aria-label={`${t("personasLabel")}: ${m.personas.map((p) => p.name).join(", ")}`}>
        {m.personas.slice(0, 4).map((p, i) => (
          <span key={p.id} title={p.name} className={`rounded-full ring-2 ring-white ${i > 0 ? "-ml-2" : ""}`}>
            <PersonaAvatar name={p.name} color={p.avatarColor} imageUrl={p.avatarUrl} size="sm" />
          </span>
        ))}
        {m.personas.length > 4 ? <span className="ml-1 text-xs text-slate-600">+{m.personas.length - 4}</span> : null}
      </span>
    );

  return (
    <>
      {maps.length === 0 ? (
        empty
      ) : view === "grid" ? (
        <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label={t("title")} data-testid="maps-grid">
          {maps.map((m) => (
            <li key={m.id}>
              <Card className="group relative flex h-full flex-col p-4 transition-shadow focus-within:ring-2 focus-within:ring-brand-500 hover:shadow-md" data-testid="map-card">
                <div className="flex items-start gap-2">
                  <h3 className="min-w-0 flex-1 font-semibold text-slate-900">
                    <Link href={href(m)} className="line-clamp-2 after:absolute after:inset-0 focus:outline-none">{m.title}</Link>
                  </h3>
                  {menu(m)}
                </div>
                <div className="mt-2 flex flex-wrap items-center gap-1.5">
                  <StateBadge state={m.state} label={t(`state.${m.state}`)} />
                  {m.cyclic ? <span className="rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-inset ring-amber-200">↻ {t("cyclic")}</span> : null}
                  <span className="text-xs text-slate-600">{t("touchpoints", { count: m.touchpointCount })}</span>
                </div>
                <div className="mt-3 rounded-md bg-slate-50 px-2 py-1.5">
                  <EmotionSparkline values={m.emotionCurve} label={curveLabel(m)} width={260} height={40} className="w-full" />
                </div>
                <div className="mt-3 flex items-center justify-between gap-2">
                  {personas(m)}
                  <span className="truncate text-xs text-slate-600">{m.ownerDepartment ?? t("noOwner")}</span>
                </div>
                <p className="mt-2 text-xs text-slate-500">
                  <time dateTime={m.updatedAt} title={format.dateTime(new Date(m.updatedAt), { dateStyle: "medium", timeStyle: "short" })}>{t("changed", { when: changed(m.updatedAt) })}</time>
                </p>
              </Card>
            </li>
          ))}
        </ul>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="w-full min-w-[48rem] text-left text-sm" data-testid="maps-table">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-2.5 font-medium">{t("columns.title")}</th>
                <th scope="col" className="px-4 py-2.5 font-medium">{t("columns.state")}</th>
                <th scope="col" className="px-4 py-2.5 font-medium">{t("columns.personas")}</th>
                <th scope="col" className="px-4 py-2.5 font-medium">{t("columns.owner")}</th>
                <th scope="col" className="px-4 py-2.5 font-medium">{t("columns.changed")}</th>
                <th scope="col" className="px-4 py-2.5 font-medium">{t("columns.curve")}</th>
                {canEdit ? <th scope="col" className="px-4 py-2.5 font-medium"><span className="sr-only">{t("columns.actions")}</span></th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {maps.map((m) => (
                <tr key={m.id} className="hover:bg-slate-50" data-testid="map-row">
                  <td className="px-4 py-2.5">
                    <Link href={href(m)} className="font-medium text-slate-900 hover:text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-500">{m.title}</Link>
                    <div className="text-xs text-slate-500">{t("touchpoints", { count: m.touchpointCount })}{m.cyclic ? ` · ↻ ${t("cyclic")}` : ""}</div>
                  </td>
                  <td className="px-4 py-2.5"><StateBadge state={m.state} label={t(`state.${m.state}`)} /></td>
                  <td className="px-4 py-2.5">{personas(m)}</td>
                  <td className="px-4 py-2.5 text-slate-700">{m.ownerDepartment ?? <span className="text-slate-400">—</span>}</td>
                  <td className="whitespace-nowrap px-4 py-2.5 text-slate-600"><time dateTime={m.updatedAt}>{changed(m.updatedAt)}</time></td>
                  <td className="px-4 py-2.5"><EmotionSparkline values={m.emotionCurve} label={curveLabel(m)} /></td>
                  {canEdit ? <td className="px-4 py-2.5 text-right">{menu(m)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {renaming ? <RenameDialog slug={slug} map={renaming} onClose={() => setRenaming(null)} /> : null}
      {reviewing ? (
        <ReviewDialog
          slug={slug}
          mapId={reviewing.id}
          title={reviewing.title}
          onClose={() => setReviewing(null)}
          onDone={() => setToast({ text: t("actions.reviewed", { title: reviewing.title }) })}
        />
      ) : null}
      {configuring ? (
        <MapSettingsDialog
          slug={slug}
          options={options}
          map={{ id: configuring.id, title: configuring.title, state: configuring.state, ownerDepartment: configuring.ownerDepartment, personaIds: configuring.personas.map((p) => p.id) }}
          onClose={() => setConfiguring(null)}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={deleting ? t("delete.title", { title: deleting.title }) : ""}
        description={t("delete.description")}
        confirmLabel={t("delete.confirm")}
        pending={pending}
        error={deleteError}
        onConfirm={confirmDelete}
        onCancel={() => {
          setDeleting(null);
          setDeleteError(null);
        }}
      />
      {toast ? (
        <div role="status" className="fixed bottom-4 left-1/2 z-50 flex -translate-x-1/2 items-center gap-3 rounded-lg bg-slate-900 px-4 py-2.5 text-sm text-white shadow-lg">
          <span>{toast.text}</span>
          {toast.undoId ? (
            <button type="button" className="font-semibold text-brand-200 hover:underline focus-visible:outline-2 focus-visible:outline-white" onClick={() => undoDelete(toast.undoId!)} disabled={pending}>
              {t("delete.undo")}
            </button>
          ) : null}
          <button type="button" aria-label="×" className="text-slate-400 hover:text-white" onClick={() => setToast(null)}>×</button>
        </div>
      ) : null}
    </>
  );
}

function RenameDialog({ slug, map, onClose }: { slug: string; map: MapItem; onClose: () => void }) {
  const t = useTranslations("maps");
  const tc = useTranslations("common");
  const router = useRouter();
  const [title, setTitle] = useState(map.title);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    startTransition(async () => {
      const result = await renameMapAction({ workspace: slug, mapId: map.id, title });
      if (result.ok) {
        onClose();
        router.refresh();
        return;
      }
      const field = result.error.fields?.title;
      setError(field && t.has(`errors.${field}`) ? t(`errors.${field}`) : result.error.message);
    });
  };
  return (
    <ModalDialog onClose={onClose} labelledBy="rename-map-title" widthClass="w-[min(28rem,calc(100vw-2rem))]">
      <form onSubmit={submit} className="p-5">
        <h2 id="rename-map-title" className="mb-4 text-base font-semibold text-slate-900">{t("rename.title")}</h2>
        <Field label={t("rename.label")} value={title} onChange={(e) => setTitle(e.target.value)} error={error ?? undefined} maxLength={300} required autoFocus />
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose} disabled={pending}>{tc("cancel")}</Button>
          <Button type="submit" disabled={pending}>{pending ? t("rename.saving") : t("rename.submit")}</Button>
        </div>
      </form>
    </ModalDialog>
  );
}
