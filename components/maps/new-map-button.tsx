"use client";
// "New map": a title and a template picker showing a preview of each template (its stages, a few
// touchpoints and the sample emotion curve); creating opens the editor.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { createMapAction } from "@/lib/actions/maps/create-map";
import type { TemplateKey, TemplatePreview } from "@/lib/maps/templates";
import { EmotionSparkline } from "@/components/charts/emotion-sparkline";
import { ImportMapDialog } from "./import-map-dialog";

export function NewMapButton({ slug, templates, variant = "primary" }: { slug: string; templates: TemplatePreview[]; variant?: "primary" | "secondary" }) {
  const t = useTranslations("maps");
  const [open, setOpen] = useState<"new" | "import" | null>(null);
  return (
    <>
      <Button variant={variant} onClick={() => setOpen("new")} data-testid="new-map">
        <span aria-hidden>+</span> {t("newMap")}
      </Button>
      {open === "new" ? <NewMapDialog slug={slug} templates={templates} onClose={() => setOpen(null)} onImport={() => setOpen("import")} /> : null}
      {open === "import" ? <ImportMapDialog slug={slug} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

function NewMapDialog({ slug, templates, onClose, onImport }: { slug: string; templates: TemplatePreview[]; onClose: () => void; onImport: () => void }) {
  const tx = useTranslations("exchange.import");
  const t = useTranslations("maps");
  const tc = useTranslations("common");
  const router = useRouter();
  const ref = useRef<HTMLDialogElement>(null);
  const [title, setTitle] = useState("");
  const [template, setTemplate] = useState<TemplateKey>("blank");
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  useEffect(() => {
    ref.current?.showModal();
  }, []);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    setFormError(null);
    startTransition(async () => {
      const result = await createMapAction({ workspace: slug, title, template });
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
    <dialog
      ref={ref}
      onCancel={(e) => {
        e.preventDefault();
        if (!pending) onClose();
      }}
      aria-labelledby="new-map-title"
      className="m-auto w-[min(52rem,calc(100vw-2rem))] rounded-xl border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <form onSubmit={submit} className="p-5" data-testid="new-map-form">
        <h2 id="new-map-title" className="mb-4 text-lg font-semibold text-slate-900">{t("create.title")}</h2>
        <Field label={t("create.titleLabel")} placeholder={t("create.titlePlaceholder")} value={title} onChange={(e) => setTitle(e.target.value)} error={error ?? undefined} maxLength={300} required autoFocus />
        <fieldset className="mt-5">
          <legend className="mb-2 text-sm font-medium text-slate-700">{t("create.templateLabel")}</legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {templates.map((tpl) => {
              const name = t(`templates.${tpl.key}.name`);
              const selected = template === tpl.key;
              return (
                <label
                  key={tpl.key}
                  className={`flex cursor-pointer flex-col rounded-lg border p-3 transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500 ${selected ? "border-brand-500 bg-brand-50/60" : "border-slate-200 hover:border-slate-300"}`}
                >
                  <span className="flex items-center gap-2">
                    <input type="radio" name="template" value={tpl.key} checked={selected} onChange={() => setTemplate(tpl.key)} className="accent-brand-600" />
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
    </dialog>
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
