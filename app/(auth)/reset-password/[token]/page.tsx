// The link from the reset mail. Nothing happens on opening it (mail scanners open links): the
// password is set only when the form is submitted.
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/security/reset-password-form";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("security");
  return { title: t("resetTitle") };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("security");
  return (
    <>
      <h1 className="mb-5 text-lg font-semibold">{t("resetTitle")}</h1>
      <ResetPasswordForm token={token.slice(0, 200)} />
    </>
  );
}
