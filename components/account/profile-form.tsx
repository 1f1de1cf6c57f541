"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { updateAccountNameAction } from "@/lib/actions/account/update-account-name";

export function ProfileForm({ name: initial, email }: { name: string; email: string }) {
  const t = useTranslations("account");
  const router = useRouter();
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        setSaved(false);
        startTransition(async () => {
          const result = await updateAccountNameAction({ name });
          if (result.ok) {
            setSaved(true);
            router.refresh();
          } else {
            const code = result.error.fields?.name;
            setError(code && t.has(code as "name_required") ? t(code as "name_required") : result.error.message);
          }
        });
      }}
    >
      <div className="flex flex-wrap items-start gap-3">
        <Field className="min-w-60 flex-1" label={t("name")} name="name" autoComplete="name" value={name} maxLength={100} error={error ?? undefined} hint={saved ? t("saved") : undefined} onChange={(e) => { setName(e.target.value); setSaved(false); }} />
        <Button type="submit" variant="secondary" disabled={pending || name.trim() === initial} className="sm:mt-6">{pending ? t("saving") : t("save")}</Button>
      </div>
      <div>
        <div className="text-sm font-medium text-slate-700">{t("email")}</div>
        <div className="mt-1 text-sm text-slate-900">{email}</div>
      </div>
    </form>
  );
}
