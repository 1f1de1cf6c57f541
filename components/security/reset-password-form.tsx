"use client";
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { resetPasswordAction } from "@/lib/actions/auth/password-reset";

const LINK_ERRORS = { link_invalid: "linkInvalid", link_used: "linkUsed", link_expired: "linkExpired" } as const;

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("security");
  const ta = useTranslations("auth");
  const [state, action, pending] = useActionState(resetPasswordAction, undefined);
  if (state?.done) {
    return (
      <>
        <p role="status" data-testid="reset-done" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t("resetDone")}</p>
        <Link href="/sign-in" className="mt-4 inline-block text-sm font-medium text-brand-600 hover:underline">{t("backToSignIn")}</Link>
      </>
    );
  }
  const linkError = state?.error && state.error in LINK_ERRORS ? t(LINK_ERRORS[state.error as keyof typeof LINK_ERRORS]) : null;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <Field label={t("newPassword")} name="password" type="password" autoComplete="new-password" required minLength={10}
        error={state?.error === "password_too_short" ? ta("passwordTooShort") : state?.error === "password_too_long" ? ta("passwordTooLong") : undefined}
        hint={ta("passwordTooShort")} />
      {linkError ? (
        <p role="alert" data-testid="link-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {linkError} <Link href="/forgot-password" className="font-medium underline">{t("forgotSubmit")}</Link>
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>{t("resetSubmit")}</Button>
    </form>
  );
}
