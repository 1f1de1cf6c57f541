// The workspace's stakeholder maps.
import { getTranslations } from "next-intl/server";
import { listStakeholderMaps } from "@/db/queries/stakeholders";
import { can } from "@/lib/auth/policy";
import { requireWorkspaceAccess } from "@/lib/auth/page-access";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { CreateStakeholderMapButton } from "@/components/stakeholder/create-stakeholder-map-button";
import { StakeholderMapList } from "@/components/stakeholder/stakeholder-map-list";

export async function generateMetadata() {
  const t = await getTranslations("stakeholders");
  return { title: t("title") };
}

export default async function StakeholderMapsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { access, db } = await requireWorkspaceAccess(slug);
  const t = await getTranslations("stakeholders");
  const canEdit = can(access.role, "edit");
  const maps = await listStakeholderMaps(db, access.workspaceId);
  return (
    <div className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <PageHeader title={t("title")} description={t("description")} actions={canEdit ? <CreateStakeholderMapButton slug={slug} /> : null} />
      {maps.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={canEdit ? t("emptyText") : t("emptyViewerText")} action={canEdit ? <CreateStakeholderMapButton slug={slug} /> : null} />
      ) : (
        <StakeholderMapList slug={slug} canEdit={canEdit} maps={maps.map((m) => ({ id: m.id, title: m.title, updatedAt: m.updatedAt.toISOString(), stakeholderCount: m.stakeholderCount, departmentCount: m.departmentCount }))} />
      )}
    </div>
  );
}
