"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { requestPasswordResetAction } from "@/lib/actions/auth/password-reset";

export function ForgotPasswordForm() {
  const t = useTranslations("security");
  const ta = useTranslations("auth");
  const [state, action, pending] = useActionState(requestPasswordResetAction, undefined);
  if (state?.sent) return <p role="status" data-testid="forgot-sent" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t("forgotSent")}</p>;
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field label={ta("email")} name="email" type="email" autoComplete="email" required autoFocus defaultValue={state?.email}
        error={state?.error === "invalid_email" ? ta("invalidEmail") : undefined} />
      {state?.error === "rate_limited" ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{t("rateLimited")}</p> : null}
      <Button type="submit" className="w-full" disabled={pending}>{t("forgotSubmit")}</Button>
    </form>
  );
}
