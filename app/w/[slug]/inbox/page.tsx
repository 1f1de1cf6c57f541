// The inbox: what needs me in this workspace, newest first — mentions, replies, ownership, reviews
// due, accepted invitations — each one line with where it happened, linking to the exact place.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireWorkspaceAccess } from "@/lib/auth/page-access";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { InboxList } from "@/components/discuss/inbox-list";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("discuss");
  return { title: t("inbox.title") };
}

export const dynamic = "force-dynamic";

export default async function InboxPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, access, db } = await requireWorkspaceAccess(slug);
  const t = await getTranslations("discuss");
  const items = await listNotifications(db, user.userId, { workspaceId: access.workspaceId, limit: 200 });
  return (
    <div className="mx-auto max-w-3xl px-4 py-6">
      <h1 className="mb-4 text-xl font-semibold text-slate-900">{t("inbox.title")}</h1>
      <InboxList workspace={access.slug} initial={items} />
    </div>
  );
}
