import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/config";
import { getEnv, isDemoEnabled, isOidcEnabled } from "@/env";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Button } from "@/components/ui/button";
import { signInWithSso } from "@/lib/actions/auth/sign-in";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("signIn") };
}

type Search = Promise<{ callbackUrl?: string; error?: string; code?: string }>;

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const { callbackUrl: rawCallback, error, code } = await searchParams;
  const callbackUrl = safeCallbackUrl(rawCallback);
  if ((await auth())?.user) redirect(callbackUrl);
  const t = await getTranslations("auth");
  const ts = await getTranslations("security");
  const env = getEnv();
  const sso = isOidcEnabled(env);
  const ssoFailed = error && error !== "CredentialsSignin";
  return (
    <>
      <h1 className="text-lg font-semibold">{t("signInTitle")}</h1>
      <p className="mb-5 mt-1 text-sm text-slate-600">{t("signInSubtitle")}</p>
      {sso ? (
        <>
          <form action={signInWithSso}>
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <Button type="submit" className="w-full">
              {t("signInWith", { name: env.AUTH_OIDC_NAME })}
            </Button>
          </form>
          {ssoFailed ? (
            <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
              {t("ssoFailed")}
            </p>
          ) : null}
          <div className="my-5 flex items-center gap-3 text-xs uppercase text-slate-400">
            <span className="h-px flex-1 bg-slate-200" />
            {t("or")}
            <span className="h-px flex-1 bg-slate-200" />
          </div>
        </>
      ) : null}
      <SignInForm
        callbackUrl={callbackUrl}
        initialError={error === "CredentialsSignin" ? (code === "rate_limited" ? "rate_limited" : "invalid") : undefined}
      />
      <p className="mt-3 text-center text-sm">
        <Link className="text-brand-600 hover:underline" href="/forgot-password">{ts("forgotLink")}</Link>
      </p>
      <p className="mt-5 text-center text-sm text-slate-600">
        {t("noAccount")}{" "}
        <Link className="font-medium text-brand-600 hover:underline" href={`/sign-up${callbackUrl !== "/" ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`}>
          {t("signUp")}
        </Link>
      </p>
      {isDemoEnabled(env) ? <p className="mt-4 text-center text-xs text-slate-500">{t("demoHint")}</p> : null}
    </>
  );
}
