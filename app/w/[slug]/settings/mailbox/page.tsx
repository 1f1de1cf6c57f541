// The dev mailbox: without SMTP_URL no mail leaves the app; owners read their workspace's mails
// here (members' and invitees' too) to follow verification, reset and invitation links.
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireWorkspaceAccess } from "@/lib/auth/page-access";
import { isSmtpConfigured, listDevMailbox } from "@/lib/mail";
import { Card, PageHeader } from "@/components/ui/card";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("security");
  return { title: t("mailboxTitle") };
}

export default async function DevMailboxPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { access, db } = await requireWorkspaceAccess(slug);
  // Owners only, and only while mail is not really sent.
  if (isSmtpConfigured() || !can(access.role, "view_audit")) notFound();
  const t = await getTranslations("security");
  const format = await getFormatter();
  const mails = await listDevMailbox(db, access.workspaceId);
  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-6 sm:px-6">
      <PageHeader title={t("mailboxTitle")} description={t("mailboxText")} />
      {mails.length === 0 ? <p className="text-sm text-slate-600">{t("mailboxEmpty")}</p> : null}
      <div className="space-y-4" data-testid="dev-mailbox">
        {mails.map((m) => (
          <Card key={m.id} className="p-4">
            <p className="text-xs text-slate-500">{format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short" })} · {m.recipient}</p>
            <h2 className="mt-1 text-sm font-semibold text-slate-900">{m.subject}</h2>
            <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-sm text-slate-700">{m.text}</pre>
          </Card>
        ))}
      </div>
    </div>
  );
}
