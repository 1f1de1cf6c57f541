import { getTranslations } from "next-intl/server";
import { requireWorkspaceAccess } from "@/lib/auth/page-access";
import { PageHeader } from "@/components/ui/card";

export default async function WorkspaceHomePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, access } = await requireWorkspaceAccess(slug);
  const t = await getTranslations("workspace");
  return (
    <div className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <PageHeader title={t("homeGreeting", { name: user.name ?? user.email })} description={t("homeSubtitle", { workspace: access.name })} />
    </div>
  );
}
