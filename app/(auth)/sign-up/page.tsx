import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignUpForm } from "@/components/auth/sign-up-form";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("signUp") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ invitation?: string; email?: string }> }) {
  const { invitation, email } = await searchParams;
  const t = await getTranslations("auth");
  return (
    <>
      <h1 className="mb-5 text-lg font-semibold">{t("signUpTitle")}</h1>
      <SignUpForm invitation={invitation?.slice(0, 200)} email={email?.slice(0, 254)} />
      <p className="mt-5 text-center text-sm text-slate-600">
        {t("haveAccount")}{" "}
        <Link className="font-medium text-brand-600 hover:underline" href="/sign-in">
          {t("signIn")}
        </Link>
      </p>
    </>
  );
}
