"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { signUpAction } from "@/lib/actions/auth/sign-up";

export function SignUpForm({ invitation, email }: { invitation?: string; email?: string }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState(signUpAction, undefined);
  const err = (key: "name" | "email" | "password") => (state?.fields?.[key] ? t(state.fields[key] as "invalidEmail") : undefined);
  return (
    <form action={action} className="space-y-4" noValidate>
      {invitation ? <input type="hidden" name="invitation" value={invitation} /> : null}
      <Field label={t("name")} name="name" autoComplete="name" required defaultValue={state?.values?.name} error={err("name")} />
      <Field label={t("email")} name="email" type="email" autoComplete="email" required defaultValue={state?.values?.email ?? email} error={err("email")} />
      <Field label={t("password")} name="password" type="password" autoComplete="new-password" required minLength={10} error={err("password")} hint={t("passwordTooShort")} />
      {state?.error === "rate_limited" ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{t("rateLimited")}</p> : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("signingUp") : t("signUp")}
      </Button>
    </form>
  );
}
