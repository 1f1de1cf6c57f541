import Link from "next/link";
import { eq } from "drizzle-orm";
import { isSmtpConfigured } from "@/lib/mail";
import { getTranslations } from "next-intl/server";
import { listWorkspaceAuditEvents } from "@/db/queries/audit-events";
import { countMembersByDepartment, listDepartments } from "@/db/queries/departments";
import { workspaces } from "@/db/schema";
import { can } from "@/lib/auth/policy";
import { requireWorkspaceAccess } from "@/lib/auth/page-access";
import { DOMAIN_JOIN_ROLE } from "@/lib/members/join-by-domain";
import { ZAuditPage } from "@/lib/validations/settings";
import { Card, PageHeader } from "@/components/ui/card";
import { AuditLogTable } from "@/components/settings/audit-log-table";
import { DepartmentsEditor } from "@/components/settings/departments-editor";
import { JoinDomainForm } from "@/components/settings/join-domain-form";
import { WorkspaceNameForm } from "@/components/settings/workspace-name-form";
import { DiscussionSettingsForm } from "@/components/discuss/discussion-settings-form";
import { getDiscussionSettings } from "@/lib/comments/discussion-settings";

export async function generateMetadata() {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string }> };

export default async function SettingsPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { access, db } = await requireWorkspaceAccess(slug);
  const t = await getTranslations("settings");
  const tc = await getTranslations("common");
  const ts = await getTranslations("security");
  const tv = await getTranslations("vocab.settings");
  const editable = can(access.role, "manage_workspace");
  const showAudit = can(access.role, "view_audit");
  const page = ZAuditPage.parse((await searchParams).page);
  const [[workspace], departments, counts, audit, discussion] = await Promise.all([
    db.select({ name: workspaces.name, joinDomain: workspaces.joinDomain }).from(workspaces).where(eq(workspaces.id, access.workspaceId)),
    listDepartments(db, access.workspaceId),
    countMembersByDepartment(db, access.workspaceId),
    showAudit ? listWorkspaceAuditEvents(db, access.workspaceId, { page, pageSize: 50 }) : Promise.resolve(null),
    getDiscussionSettings(db, access.workspaceId),
  ]);

  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-6 sm:px-6">
      <PageHeader title={t("title")} description={editable ? t("description") : t("readOnlyDescription")} />
      <Card className="p-5">
        <h2 className="mb-4 text-base font-semibold text-slate-900">{t("general")}</h2>
        {editable ? (
          <WorkspaceNameForm workspace={access.slug} name={workspace.name} />
        ) : (
          <dl className="text-sm" data-testid="workspace-name-read-only">
            <dt className="font-medium text-slate-700">{t("workspaceName")}</dt>
            <dd className="mt-1 text-slate-900">{workspace.name}</dd>
          </dl>
        )}
      </Card>
      <Card className="p-5">
        <h2 className="text-base font-semibold text-slate-900">{t("departments")}</h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">{t("departmentsText")}</p>
        <DepartmentsEditor
          workspace={access.slug}
          editable={editable}
          departments={departments.map((d) => ({ ...d, memberCount: counts.get(d.id) ?? 0 }))}
        />
        <p className="mt-4 text-sm"><Link href={`/w/${access.slug}/settings/vocabularies`} className="font-medium text-brand-600 hover:underline" data-testid="vocabularies-link">{tv("link")} →</Link></p>
      </Card>
      <Card className="p-5">
        <h2 className="text-base font-semibold text-slate-900">{t("joinDomain")}</h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">{t("joinDomainText", { role: tc(`roles.${DOMAIN_JOIN_ROLE}`) })}</p>
        <JoinDomainForm workspace={access.slug} domain={workspace.joinDomain} editable={editable} />
      </Card>
      <Card className="p-5">
        <DiscussionSettingsForm workspace={access.slug} editable={editable} initial={discussion} />
      </Card>
      {showAudit && !isSmtpConfigured() ? (
        <p className="text-sm">
          <Link href={`/w/${access.slug}/settings/mailbox`} className="font-medium text-brand-600 hover:underline">{ts("mailboxLink")}</Link>
        </p>
      ) : null}
      {audit ? (
        <Card className="p-5" id="audit">
          <h2 className="text-base font-semibold text-slate-900">{t("auditLog")}</h2>
          <p className="mb-4 mt-1 text-sm text-slate-600">{t("auditText")}</p>
          <AuditLogTable
            page={page}
            hasMore={audit.hasMore}
            basePath={`/w/${access.slug}/settings`}
            rows={audit.entries.map((e) => ({
              id: e.id, action: e.action, createdAt: e.createdAt, ip: e.ip,
              actor: e.actorName ?? e.actorEmail ?? null,
              target: e.targetName ?? e.targetEmail ?? null,
              metadata: e.metadata,
            }))}
          />
        </Card>
      ) : null}
    </div>
  );
}
