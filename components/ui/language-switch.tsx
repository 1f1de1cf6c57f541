"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocaleAction } from "@/lib/actions/account/set-locale";

export function LanguageSwitch({ className = "" }: { className?: string }) {
  const locale = useLocale();
  const t = useTranslations("common");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <div role="group" aria-label={t("language")} className={`inline-flex rounded-md border border-slate-300 bg-white text-xs ${className}`}>
      {(["de", "en"] as const).map((l) => (
        <button
          key={l}
          type="button"
          disabled={pending}
          aria-pressed={locale === l}
          title={l === "de" ? t("german") : t("english")}
          onClick={() => startTransition(async () => { await setLocaleAction(l); router.refresh(); })}
          className={`px-2 py-1 font-medium uppercase first:rounded-l-md last:rounded-r-md ${locale === l ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
        >
          {l}
        </button>
      ))}
    </div>
  );
}
