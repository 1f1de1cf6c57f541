import { listUserWorkspaces } from "@/db/queries/memberships";
import { requireWorkspaceAccess } from "@/lib/auth/page-access";
import { AppShell } from "@/components/shell/app-shell";
import { countUnreadNotifications } from "@/lib/notifications/list-notifications";

export default async function WorkspaceLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, access, db } = await requireWorkspaceAccess(slug);
  const [workspaces, unread] = await Promise.all([listUserWorkspaces(db, user.userId), countUnreadNotifications(db, user.userId, access.workspaceId)]);
  return (
    <AppShell
      workspace={{ slug: access.slug, name: access.name, role: access.role }}
      workspaces={workspaces.map((w) => ({ slug: w.slug, name: w.name }))}
      user={{ name: user.name, email: user.email }}
      unread={unread}
    >
      {children}
    </AppShell>
  );
}
