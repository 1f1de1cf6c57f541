"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { signInWithPassword } from "@/lib/actions/auth/sign-in";

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: "invalid" | "rate_limited" }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState(signInWithPassword, initialError ? { error: initialError } : undefined);
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field label={t("email")} name="email" type="email" autoComplete="email" required autoFocus defaultValue={state?.email} key={state?.email} />
      <Field label={t("password")} name="password" type="password" autoComplete="current-password" required />
      {state?.error ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.error === "rate_limited" ? t("rateLimited") : t("invalidCredentials")}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? t("signingIn") : t("signIn")}
      </Button>
    </form>
  );
}
