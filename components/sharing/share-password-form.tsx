"use client";
// The password step of a protected share link: a wrong password is refused with a clear error next
// to the field; too many attempts are throttled (the message says when to try again).
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { unlockShareLinkAction } from "@/lib/actions/sharing/shared-view";

export function SharePasswordForm({ token }: { token: string }) {
  const t = useTranslations("sharing");
  const router = useRouter();
  const id = useId();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      const result = await unlockShareLinkAction({ token, password });
      if (result.ok) {
        router.refresh();
        return;
      }
      setError(
        result.error === "throttled"
          ? t("passwordThrottled", { minutes: Math.max(1, Math.ceil((result.retryAfter ?? 60) / 60)) })
          : result.error === "required"
            ? t("passwordRequired")
            : result.error === "gone"
              ? t("ended")
              : t("passwordWrong"),
      );
    });
  };
  return (
    <main className="flex min-h-dvh items-center justify-center bg-slate-50 p-4">
      <form onSubmit={submit} className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm" data-testid="share-password-form" noValidate>
        <p className="text-xs font-semibold text-slate-500">Journeyboard</p>
        <h1 className="mt-1 text-lg font-semibold text-slate-900">{t("passwordTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("passwordIntro")}</p>
        <label htmlFor={id} className="mt-4 block text-sm font-medium text-slate-700">{t("password")}</label>
        <input
          id={id}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoFocus
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-brand-500 focus:outline-none"
          data-testid="share-password"
        />
        {error ? <p id={`${id}-error`} role="alert" className="mt-2 text-sm text-red-700" data-testid="share-password-error">{error}</p> : null}
        <button type="submit" disabled={pending} className="mt-4 w-full rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60" data-testid="share-password-submit">
          {pending ? t("opening") : t("open")}
        </button>
      </form>
    </main>
  );
}
