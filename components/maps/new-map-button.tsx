"use client";
// "New map": a title and a template picker showing a preview of each template (its stages, a few
// touchpoints and the sample emotion curve); creating opens the editor.
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { createMapAction } from "@/lib/actions/maps/create-map";
import { deleteMapTemplateAction } from "@/lib/actions/templates/delete-map-template";
import { renameMapTemplateAction } from "@/lib/actions/templates/rename-map-template";
import type { TemplateKey, TemplatePreview } from "@/lib/maps/templates";

/** A workspace template as the picker shows it (lib/maps/map-templates.ts → WorkspaceTemplatePreview). */
export type WorkspaceTemplateItem = Omit<TemplatePreview, "key"> & { id: string; name: string; description: string };
type Selection = { kind: "builtin"; key: TemplateKey } | { kind: "workspace"; id: string };
import { EmotionSparkline } from "@/components/charts/emotion-sparkline";
import { ImportMapDialog } from "./import-map-dialog";

type ButtonProps = {
  slug: string;
  templates: TemplatePreview[];
  workspaceTemplates?: WorkspaceTemplateItem[];
  /** Owners and admins rename and delete workspace templates. */
  canManageTemplates?: boolean;
  variant?: "primary" | "secondary";
  /** Opens the dialog when the page was reached with `?new=1` (the command palette's "Create a new map"). */
  openFromUrl?: boolean;
};

export function NewMapButton({ slug, templates, workspaceTemplates = [], canManageTemplates = false, variant = "primary", openFromUrl = false }: ButtonProps) {
  const t = useTranslations("maps");
  const [open, setOpen] = useState<"new" | "import" | null>(null);
  useEffect(() => {
    if (!openFromUrl) return;
    const url = new URL(window.location.href);
    if (url.searchParams.get("new") !== "1") return;
    url.searchParams.delete("new");
    window.history.replaceState(window.history.state, "", url);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- applies the URL once the component is there
    setOpen("new");
  }, [openFromUrl]);
  return (
    <>
      <Button variant={variant} onClick={() => setOpen("new")} data-testid="new-map">
        <span aria-hidden>+</span> {t("newMap")}
      </Button>
      {open === "new" ? <NewMapDialog slug={slug} templates={templates} workspaceTemplates={workspaceTemplates} canManageTemplates={canManageTemplates} onClose={() => setOpen(null)} onImport={() => setOpen("import")} /> : null}
      {open === "import" ? <ImportMapDialog slug={slug} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

function NewMapDialog({ slug, templates, workspaceTemplates, canManageTemplates, onClose, onImport }: Omit<ButtonProps, "variant"> & { workspaceTemplates: WorkspaceTemplateItem[]; onClose: () => void; onImport: () => void }) {
  const tt = useTranslations("templates");
  const tx = useTranslations("exchange.import");
  const t = useTranslations("maps");
  const tc = useTranslations("common");
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [selection, setSelection] = useState<Selection>({ kind: "builtin", key: "blank" });
  const [ownTemplates, setOwnTemplates] = useState(workspaceTemplates);
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    setFormError(null);
    startTransition(async () => {
      const result = await createMapAction(
        selection.kind === "workspace" ? { workspace: slug, title, workspaceTemplateId: selection.id } : { workspace: slug, title, template: selection.key },
      );
      if (result.ok) {
        router.push(`/w/${slug}/maps/${result.data.id}`);
        return;
      }
      const field = result.error.fields?.title;
      if (field) setError(t.has(`errors.${field}`) ? t(`errors.${field}`) : result.error.message);
      else setFormError(result.error.message);
    });
  };

  return (
    <ModalDialog onClose={() => { if (!pending) onClose(); }} labelledBy="new-map-title" widthClass="w-[min(52rem,calc(100vw-2rem))]">
      <form onSubmit={submit} className="p-5" data-testid="new-map-form">
        <h2 id="new-map-title" className="mb-4 text-lg font-semibold text-slate-900">{t("create.title")}</h2>
        <Field label={t("create.titleLabel")} placeholder={t("create.titlePlaceholder")} value={title} onChange={(e) => setTitle(e.target.value)} error={error ?? undefined} maxLength={300} required autoFocus />
        <fieldset className="mt-5">
          <legend className="mb-2 text-sm font-medium text-slate-700">{t("create.templateLabel")}</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {templates.map((tpl) => {
              const name = t(`templates.${tpl.key}.name`);
              const selected = selection.kind === "builtin" && selection.key === tpl.key;
              return (
                <label
                  key={tpl.key}
                  className={`flex cursor-pointer flex-col rounded-lg border p-3 transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500 ${selected ? "border-brand-500 bg-brand-50/60" : "border-slate-200 hover:border-slate-300"}`}
                >
                  <span className="flex items-center gap-2">
                    <input type="radio" name="template" value={tpl.key} checked={selected} onChange={() => setSelection({ kind: "builtin", key: tpl.key })} className="accent-brand-600" />
                    <span className="font-medium text-slate-900">{name}</span>
                    {tpl.cyclic ? <span className="rounded bg-amber-50 px-1.5 text-xs text-amber-800">↻ {t("cyclic")}</span> : null}
                  </span>
                  <span className="mt-1 text-xs text-slate-600">{t(`templates.${tpl.key}.description`)}</span>
                  <TemplatePreviewFigure preview={tpl} label={t("create.preview", { name })} />
                  <span className="mt-1 text-xs text-slate-500">
                    {t("create.stages", { count: tpl.stages.length })} · {t("touchpoints", { count: tpl.touchpointCount })}
                  </span>
                </label>
              );
            })}
          </div>
          {ownTemplates.length ? (
            <>
              <p className="mt-4 mb-2 text-sm font-medium text-slate-700">{tt("workspaceTemplates")}</p>
              <div className="grid gap-3 sm:grid-cols-2" data-testid="workspace-templates">
                {ownTemplates.map((tpl) => (
                  <WorkspaceTemplateCard
                    key={tpl.id}
                    slug={slug}
                    template={tpl}
                    selected={selection.kind === "workspace" && selection.id === tpl.id}
                    onSelect={() => setSelection({ kind: "workspace", id: tpl.id })}
                    canManage={!!canManageTemplates}
                    onRenamed={(name) => setOwnTemplates((list) => list.map((x) => (x.id === tpl.id ? { ...x, name } : x)))}
                    onDeleted={() => {
                      setOwnTemplates((list) => list.filter((x) => x.id !== tpl.id));
                      if (selection.kind === "workspace" && selection.id === tpl.id) setSelection({ kind: "builtin", key: "blank" });
                    }}
                  />
                ))}
              </div>
            </>
          ) : null}
        </fieldset>
        {formError ? <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{formError}</p> : null}
        <div className="mt-5 flex justify-end gap-2">
          <Button variant="ghost" className="mr-auto" onClick={onImport} disabled={pending} data-testid="new-map-import">
            <span aria-hidden>⇪</span> {tx("button")}
          </Button>
          <Button variant="secondary" onClick={onClose} disabled={pending}>{tc("cancel")}</Button>
          <Button type="submit" disabled={pending}>{pending ? t("create.creating") : t("create.submit")}</Button>
        </div>
      </form>
    </ModalDialog>
  );
}

function WorkspaceTemplateCard(props: {
  slug: string;
  template: WorkspaceTemplateItem;
  selected: boolean;
  onSelect: () => void;
  canManage: boolean;
  onRenamed: (name: string) => void;
  onDeleted: () => void;
}) {
  const t = useTranslations("maps");
  const tt = useTranslations("templates");
  const { template: tpl } = props;
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(tpl.name);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rename = async () => {
    const result = await renameMapTemplateAction({ workspace: props.slug, templateId: tpl.id, name, description: tpl.description });
    if (!result.ok) return setError(result.error.fields?.name && tt.has(result.error.fields.name) ? tt(result.error.fields.name) : result.error.message);
    setError(null);
    setRenaming(false);
    props.onRenamed(name.trim());
  };
  const remove = async () => {
    const result = await deleteMapTemplateAction({ workspace: props.slug, templateId: tpl.id });
    if (!result.ok) return setError(result.error.message);
    props.onDeleted();
  };
  return (
    <div className={`flex flex-col rounded-lg border p-3 ${props.selected ? "border-brand-500 bg-brand-50/60" : "border-slate-200"}`} data-testid="workspace-template" data-template-name={tpl.name}>
      <label className="flex cursor-pointer items-center gap-2 has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500">
        <input type="radio" name="template" value={tpl.id} checked={props.selected} onChange={props.onSelect} className="accent-brand-600" />
        <span className="font-medium text-slate-900">{tpl.name}</span>
        <span className="rounded bg-slate-100 px-1.5 text-xs text-slate-600">{tt("workspaceBadge")}</span>
      </label>
      {tpl.description ? <span className="mt-1 text-xs text-slate-600">{tpl.description}</span> : null}
      <TemplatePreviewFigure preview={{ ...tpl, key: "blank" }} label={t("create.preview", { name: tpl.name })} />
      <span className="mt-1 text-xs text-slate-500">{t("create.stages", { count: tpl.stages.length })} · {t("touchpoints", { count: tpl.touchpointCount })}</span>
      {props.canManage ? (
        <div className="mt-2 flex flex-wrap items-center gap-2 text-xs">
          {renaming ? (
            <>
              <input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} aria-label={tt("name")} className="min-w-0 flex-1 rounded border border-slate-300 px-1.5 py-0.5" data-testid="template-rename-input" />
              <button type="button" onClick={() => void rename()} className="rounded bg-brand-600 px-2 py-0.5 font-medium text-white" data-testid="template-rename-save">{tt("save")}</button>
              <button type="button" onClick={() => setRenaming(false)} className="rounded px-2 py-0.5 hover:bg-slate-100">{tt("cancel")}</button>
            </>
          ) : confirmDelete ? (
            <>
              <span>{tt("deleteConfirm")}</span>
              <button type="button" onClick={() => void remove()} className="rounded bg-red-600 px-2 py-0.5 font-medium text-white" data-testid="template-delete-confirm">{tt("delete")}</button>
              <button type="button" onClick={() => setConfirmDelete(false)} className="rounded px-2 py-0.5 hover:bg-slate-100">{tt("cancel")}</button>
            </>
          ) : (
            <>
              <button type="button" onClick={() => setRenaming(true)} className="rounded px-2 py-0.5 text-slate-700 underline hover:bg-slate-100" data-testid="template-rename">{tt("rename")}</button>
              <button type="button" onClick={() => setConfirmDelete(true)} className="rounded px-2 py-0.5 text-red-700 underline hover:bg-red-50" data-testid="template-delete">{tt("delete")}</button>
            </>
          )}
          {error ? <p role="alert" className="w-full text-red-700">{error}</p> : null}
        </div>
      ) : null}
    </div>
  );
}

/** A miniature of the template: stage band with touchpoint chips (or a ring for cycles) and the curve. */
function TemplatePreviewFigure({ preview, label }: { preview: TemplatePreview; label: string }) {
  return (
    <figure className="mt-2 rounded-md border border-slate-100 bg-white p-2" aria-label={label}>
      {preview.cyclic ? (
        <ol className="flex flex-wrap items-center gap-1 text-[11px] text-slate-700">
          {preview.stages.map((s, i) => (
            <li key={i} className="flex items-center gap-1">
              <span className="rounded-full bg-brand-100 px-2 py-0.5 font-medium text-brand-800">{s.name}</span>
              <span aria-hidden className="text-slate-400">{i === preview.stages.length - 1 ? "↺" : "→"}</span>
            </li>
          ))}
        </ol>
      ) : (
        <ol className="flex gap-1 overflow-hidden">
          {preview.stages.map((s, i) => (
            <li key={i} className="min-w-0 flex-1" style={{ flexGrow: Math.max(1, s.touchpoints.length) }}>
              <div className="truncate rounded-sm bg-brand-100 px-1.5 py-0.5 text-[11px] font-medium text-brand-800" title={s.name}>{s.name}</div>
              <ul className="mt-1 space-y-0.5">
                {s.touchpoints.slice(0, 2).map((tp, j) => (
                  <li key={j} className="truncate rounded-sm bg-slate-100 px-1 text-[10px] text-slate-600" title={tp}>{tp}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      {preview.emotions.length > 1 ? <EmotionSparkline values={preview.emotions} width={300} height={28} className="mt-1.5 w-full" /> : null}
    </figure>
  );
}
