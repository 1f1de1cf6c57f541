"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { changePasswordAction, resendVerificationAction, signOutEverywhereAction } from "@/lib/actions/account/security";

export function SecuritySection({ hasPassword, verified, changed, idleHours }: { hasPassword: boolean; verified: boolean; changed: boolean; idleHours: number }) {
  const t = useTranslations("security");
  const ta = useTranslations("auth");
  const [state, action, pending] = useActionState(changePasswordAction, undefined);
  const [resent, resend, resending] = useActionState(resendVerificationAction, undefined);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span data-testid="email-status" className={verified ? "text-emerald-700" : "text-amber-700"}>
          {verified ? t("emailStatusVerified") : t("emailStatusUnverified")}
        </span>
        {!verified ? (
          <form action={resend}>
            <Button type="submit" variant="secondary" disabled={resending}>{t("resend")}</Button>
          </form>
        ) : null}
        {resent?.sent ? <span role="status">{t("resent")}</span> : resent?.error ? <span role="alert" className="text-red-700">{t("rateLimited")}</span> : null}
      </div>
      {hasPassword ? (
        <form action={action} className="max-w-sm space-y-4" noValidate data-testid="change-password">
          <Field label={t("currentPassword")} name="current" type="password" autoComplete="current-password" required
            error={state?.error === "wrong_password" ? t("wrongPassword") : undefined} />
          <Field label={t("newPassword")} name="next" type="password" autoComplete="new-password" required minLength={10}
            error={state?.error === "password_too_short" ? ta("passwordTooShort") : state?.error === "password_too_long" ? ta("passwordTooLong") : undefined} />
          {changed ? <p role="status" className="text-sm text-emerald-700">{t("passwordChanged")}</p> : null}
          <Button type="submit" disabled={pending}>{t("changePassword")}</Button>
        </form>
      ) : (
        <p className="text-sm text-slate-600">{t("noPassword")}</p>
      )}
      <div>
        <p className="mb-2 text-sm text-slate-600">{t("signOutEverywhereText")} {t("idleTimeout", { hours: idleHours })}</p>
        <form action={signOutEverywhereAction}>
          <Button type="submit" variant="danger">{t("signOutEverywhere")}</Button>
        </form>
      </div>
    </div>
  );
}
