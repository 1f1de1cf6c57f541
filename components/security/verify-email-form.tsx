"use client";
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { verifyEmailAction } from "@/lib/actions/auth/verify-email";

const LINK_ERRORS = { link_invalid: "linkInvalid", link_used: "linkUsed", link_expired: "linkExpired" } as const;

export function VerifyEmailForm({ token }: { token: string }) {
  const t = useTranslations("security");
  const [state, action, pending] = useActionState(verifyEmailAction, undefined);
  if (state?.done) {
    return (
      <>
        <p role="status" data-testid="verify-done" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{t("verifyDone")}</p>
        <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand-600 hover:underline">{t("continue")}</Link>
      </>
    );
  }
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      {state?.error ? <p role="alert" data-testid="link-error" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{t(LINK_ERRORS[state.error])}</p> : null}
      <Button type="submit" className="w-full" disabled={pending}>{t("verifyTitle")}</Button>
    </form>
  );
}
