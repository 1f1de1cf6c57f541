"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { setJoinDomainAction } from "@/lib/actions/workspaces/set-join-domain";

export function JoinDomainForm({ workspace, domain, editable }: { workspace: string; domain: string | null; editable: boolean }) {
  const t = useTranslations("settings");
  const router = useRouter();
  const [enabled, setEnabled] = useState(Boolean(domain));
  const [value, setValue] = useState(domain ?? "");
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();

  if (!editable) {
    return <p className="text-sm text-slate-700" data-testid="join-domain-read-only">{domain ? t("joinDomainOn", { domain }) : t("joinDomainOff")}</p>;
  }
  const submit = (next: string | null) =>
    startTransition(async () => {
      setError(null);
      setSaved(false);
      const result = await setJoinDomainAction({ workspace, domain: next });
      if (result.ok) {
        setSaved(true);
        setValue(result.data.domain ?? "");
        router.refresh();
      } else {
        const code = result.error.fields?.domain;
        setError(code && t.has(code as "domain_invalid") ? t(code as "domain_invalid") : result.error.message);
      }
    });

  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        submit(enabled ? value : null);
      }}
    >
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(e) => {
            setEnabled(e.target.checked);
            if (!e.target.checked && domain) submit(null);
          }}
          className="h-4 w-4 rounded border-slate-300 text-brand-600"
        />
        {t("joinDomainToggle")}
      </label>
      {enabled ? (
        <div className="flex flex-wrap items-start gap-3">
          <div className="min-w-60 flex-1">
            <div className="flex items-center gap-1">
              <span aria-hidden className="text-slate-500">@</span>
              <input
                aria-label={t("joinDomainLabel")}
                value={value}
                placeholder="example.com"
                maxLength={253}
                aria-invalid={error ? true : undefined}
                aria-describedby="join-domain-help"
                onChange={(e) => { setValue(e.target.value); setSaved(false); }}
                className={inputClass}
              />
            </div>
            {error ? <p role="alert" className="mt-1 text-sm text-red-600">{error}</p> : null}
          </div>
          <Button type="submit" variant="secondary" disabled={pending || !value.trim()}>{pending ? t("saving") : t("save")}</Button>
        </div>
      ) : null}
      <p id="join-domain-help" className="text-xs text-slate-500">{saved ? t("saved") : t("joinDomainHint")}</p>
    </form>
  );
}
