import { getTranslations } from "next-intl/server";
import { VerifyEmailForm } from "@/components/security/verify-email-form";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("security");
  return { title: t("verifyTitle") };
}

export default async function VerifyEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("security");
  return (
    <>
      <h1 className="mb-5 text-lg font-semibold">{t("verifyTitle")}</h1>
      <VerifyEmailForm token={token.slice(0, 200)} />
    </>
  );
}
