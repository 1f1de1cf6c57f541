import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/security/forgot-password-form";

export async function generateMetadata() {
  const t = await getTranslations("security");
  return { title: t("forgotTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("security");
  return (
    <>
      <h1 className="text-lg font-semibold">{t("forgotTitle")}</h1>
      <p className="mb-5 mt-1 text-sm text-slate-600">{t("forgotText")}</p>
      <ForgotPasswordForm />
      <Link href="/sign-in" className="mt-5 inline-block text-sm font-medium text-brand-600 hover:underline">{t("backToSignIn")}</Link>
    </>
  );
}
