import { getTranslations } from "next-intl/server";
import { listDepartments } from "@/db/queries/departments";
import { listPendingInvitations } from "@/db/queries/invitations";
import { listMembers } from "@/db/queries/memberships";
import { can } from "@/lib/auth/policy";
import { requireWorkspaceAccess } from "@/lib/auth/page-access";
import { Card, PageHeader } from "@/components/ui/card";
import { InvitationsList } from "@/components/members/invitations-list";
import { InviteForm } from "@/components/members/invite-form";
import { MembersTable } from "@/components/members/members-table";

export async function generateMetadata() {
  const t = await getTranslations("members");
  return { title: t("title") };
}

export default async function MembersPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, access, db } = await requireWorkspaceAccess(slug);
  const t = await getTranslations("members");
  const canManage = can(access.role, "manage_members");
  const [members, departments, invitations] = await Promise.all([
    listMembers(db, access.workspaceId),
    listDepartments(db, access.workspaceId),
    canManage ? listPendingInvitations(db, access.workspaceId) : Promise.resolve([]),
  ]);
  return (
    <div className="mx-auto max-w-6xl space-y-8 px-4 py-6 sm:px-6">
      <PageHeader title={t("title")} description={t("description", { count: members.length, workspace: access.name })} />
      {canManage ? (
        <Card className="p-5">
          <h2 className="text-base font-semibold text-slate-900">{t("inviteTitle")}</h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">{t("inviteText")}</p>
          <InviteForm workspace={access.slug} myRole={access.role} departments={departments} />
        </Card>
      ) : (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-600" data-testid="members-read-only">{t("readOnlyHint")}</p>
      )}
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="sr-only">{t("title")}</h2>
        <MembersTable
          workspace={access.slug}
          myUserId={user.userId}
          myRole={access.role}
          departments={departments}
          members={members.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() }))}
        />
      </section>
      {canManage ? (
        <section aria-labelledby="invitations-heading">
          <h2 id="invitations-heading" className="mb-3 text-base font-semibold text-slate-900">{t("pendingInvitations")}</h2>
          <InvitationsList
            workspace={access.slug}
            invitations={invitations.map((i) => ({
              id: i.id, email: i.email, role: i.role, departmentName: i.departmentName,
              expiresAt: i.expiresAt.toISOString(), invitedBy: i.invitedByName ?? i.invitedByEmail,
            }))}
          />
        </section>
      ) : null}
    </div>
  );
}
