"use client";
// Language preference: stored on the account and in the cookie (lib/actions/account/set-locale.ts).
import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { setLocaleAction } from "@/lib/actions/account/set-locale";

export function LanguageForm() {
  const t = useTranslations("account");
  const tc = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <fieldset disabled={pending}>
      <legend className="sr-only">{t("language")}</legend>
      <div className="flex flex-wrap gap-3">
        {(["en", "de"] as const).map((l) => (
          <label key={l} className={`flex cursor-pointer items-center gap-2 rounded-lg border px-4 py-2 text-sm ${locale === l ? "border-brand-500 bg-brand-50 text-brand-700" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}>
            <input
              type="radio"
              name="locale"
              value={l}
              checked={locale === l}
              onChange={() => startTransition(async () => { await setLocaleAction(l); router.refresh(); })}
              className="h-4 w-4 text-brand-600"
            />
            {l === "de" ? tc("german") : tc("english")}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
