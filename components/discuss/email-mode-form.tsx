"use client";
// Account: how notifications reach me by e-mail — one per notification, a daily digest, or none.
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { setEmailModeAction } from "@/lib/actions/discuss/notifications";

type Mode = "each" | "digest" | "off";

export function EmailModeForm({ initial }: { initial: Mode }) {
  const t = useTranslations("discuss");
  const [mode, setMode] = useState<Mode>(initial);
  const [status, setStatus] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const choose = (next: Mode) => {
    setMode(next);
    startTransition(async () => {
      const result = await setEmailModeAction({ emailMode: next });
      setStatus(result.ok ? t("settings.saved") : result.error.message);
    });
  };
  return (
    <fieldset data-testid="email-mode" disabled={pending}>
      <legend className="text-base font-semibold text-slate-900">{t("settings.title")}</legend>
      <p className="mb-3 mt-1 text-sm text-slate-600">{t("settings.hint")}</p>
      <div className="space-y-1.5">
        {(["each", "digest", "off"] as Mode[]).map((m) => (
          <label key={m} className="flex items-center gap-2 text-sm text-slate-800">
            <input type="radio" name="email-mode" value={m} checked={mode === m} onChange={() => choose(m)} data-testid={`email-mode-${m}`} />
            {t(`settings.${m}`)}
          </label>
        ))}
      </div>
      {status ? <p role="status" className="mt-2 text-xs text-slate-600">{status}</p> : null}
    </fieldset>
  );
}
