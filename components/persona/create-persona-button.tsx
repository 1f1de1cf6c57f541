"use client";
// "New persona": a small dialog asking for the name and segment, then straight into the sheet.
import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { createPersonaAction } from "@/lib/actions/personas/create-persona";

export function CreatePersonaButton({ slug }: { slug: string }) {
  const t = useTranslations("personas");
  const tc = useTranslations("common");
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<{ name?: string; segment?: string; form?: string }>({});

  const submit = (form: FormData) => {
    const name = String(form.get("name") ?? "").trim();
    const segment = String(form.get("segment") ?? "").trim();
    startTransition(async () => {
      const result = await createPersonaAction({ workspace: slug, name, segment });
      if (!result.ok) {
        setErrors({ name: result.error.fields?.name ? result.error.message : undefined, segment: result.error.fields?.segment ? result.error.message : undefined, form: result.error.fields ? undefined : result.error.message });
        return;
      }
      dialog.current?.close();
      router.push(`/w/${slug}/personas/${result.data.id}`);
    });
  };

  return (
    <>
      <Button onClick={() => { setErrors({}); dialog.current?.showModal(); }} data-testid="new-persona">+ {t("newPersona")}</Button>
      <dialog ref={dialog} aria-labelledby="create-persona-title" className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40">
        <form action={submit} className="space-y-4 p-5">
          <h2 id="create-persona-title" className="text-base font-semibold text-slate-900">{t("createTitle")}</h2>
          <Field name="name" label={t("nameLabel")} placeholder={t("namePlaceholder")} required maxLength={120} autoFocus error={errors.name} />
          <Field name="segment" label={t("segmentLabel")} placeholder={t("segmentPlaceholder")} maxLength={120} error={errors.segment} />
          {errors.form ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{errors.form}</p> : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()} disabled={pending}>{tc("cancel")}</Button>
            <Button type="submit" disabled={pending}>{pending ? t("creating") : t("create")}</Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
