// One stakeholder map, co-edited live.
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { listDepartments } from "@/db/queries/departments";
import { findStakeholderMap } from "@/db/queries/stakeholders";
import { can } from "@/lib/auth/policy";
import { requireWorkspaceAccess } from "@/lib/auth/page-access";
import { StakeholderEditor } from "@/components/stakeholder/stakeholder-editor";
import { RevealTarget } from "@/components/search/reveal-target";

export async function generateMetadata({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  if (!UUID.test(id)) return {};
  const { access, db } = await requireWorkspaceAccess(slug);
  const map = await findStakeholderMap(db, access.workspaceId, id.toLowerCase());
  return map ? { title: map.title } : {};
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function StakeholderMapPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  if (!UUID.test(id)) notFound();
  const { user, access, db } = await requireWorkspaceAccess(slug);
  const map = await findStakeholderMap(db, access.workspaceId, id.toLowerCase());
  if (!map) notFound();
  const t = await getTranslations("stakeholders");
  const departments = await listDepartments(db, access.workspaceId);
  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6">
      <Link href={`/w/${slug}/stakeholders`} className="text-sm text-brand-700 hover:underline">← {t("back")}</Link>
      <RevealTarget attribute="data-id" scope='[data-testid="stakeholder-node"]' />
      <StakeholderEditor
        slug={slug}
        mapId={map.id}
        initialTitle={map.title}
        canEdit={can(access.role, "edit")}
        me={{ id: user.userId, name: user.name ?? user.email }}
        departments={departments.map((d) => d.name)}
        discuss={{ isAdmin: can(access.role, "manage_members") }}
      />
    </div>
  );
}
