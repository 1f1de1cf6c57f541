"use client";
// "New stakeholder map": asks for a title, then opens the editor.
import { useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { createStakeholderMapAction } from "@/lib/actions/stakeholders/create-stakeholder-map";

export function CreateStakeholderMapButton({ slug }: { slug: string }) {
  const t = useTranslations("stakeholders");
  const tc = useTranslations("common");
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const submit = (form: FormData) => {
    const title = String(form.get("title") ?? "").trim();
    startTransition(async () => {
      const result = await createStakeholderMapAction({ workspace: slug, title });
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      dialog.current?.close();
      router.push(`/w/${slug}/stakeholders/${result.data.id}`);
    });
  };

  return (
    <>
      <Button onClick={() => { setError(null); dialog.current?.showModal(); }} data-testid="new-stakeholder-map">+ {t("newMap")}</Button>
      <dialog ref={dialog} aria-labelledby="create-sm-title" className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40">
        <form action={submit} className="space-y-4 p-5">
          <h2 id="create-sm-title" className="text-base font-semibold text-slate-900">{t("createTitle")}</h2>
          <Field name="title" label={t("titleLabel")} placeholder={t("titlePlaceholder")} required maxLength={120} autoFocus error={error ?? undefined} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()} disabled={pending}>{tc("cancel")}</Button>
            <Button type="submit" disabled={pending}>{pending ? t("creating") : t("create")}</Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
