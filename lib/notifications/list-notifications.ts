// The caller's inbox, newest first, across their workspaces (only workspaces they still belong to).
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships, notifications, users, workspaces } from "@/db/schema";

export type NotificationView = {
  id: string;
  kind: string;
  workspace: string;
  title: string;
  excerpt: string;
  path: string;
  actorName: string | null;
  docKind: string | null;
  docId: string | null;
  anchor: { kind: string | null; id: string | null };
  commentId: string | null;
  readAt: string | null;
  createdAt: string;
};

export async function listNotifications(
  db: DbOrTx,
  userId: string,
  options: { unreadOnly?: boolean; limit?: number; workspaceId?: string } = {},
): Promise<NotificationView[]> {
  const rows = await db
    .select({ n: notifications, actorName: users.name, actorEmail: users.email, workspace: workspaces.slug })
    .from(notifications)
    .innerJoin(memberships, and(eq(memberships.workspaceId, notifications.workspaceId), eq(memberships.userId, notifications.userId)))
    .innerJoin(workspaces, eq(workspaces.id, notifications.workspaceId))
    .leftJoin(users, eq(users.id, notifications.actorId))
    .where(
      and(
        eq(notifications.userId, userId),
        options.unreadOnly ? isNull(notifications.readAt) : undefined,
        options.workspaceId ? eq(notifications.workspaceId, options.workspaceId) : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(Math.min(options.limit ?? 100, 500));
  return rows.map(({ n, actorName, actorEmail, workspace }) => ({
    id: n.id, kind: n.kind, workspace, title: n.title, excerpt: n.excerpt, path: n.path,
    actorName: actorName ?? actorEmail ?? null, docKind: n.docKind, docId: n.docId,
    anchor: { kind: n.anchorKind, id: n.anchorId }, commentId: n.commentId,
    readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString(),
  }));
}

/** Unread entries in workspaces the user still belongs to, or in one of them (the bell's number). */
export async function countUnreadNotifications(db: DbOrTx, userId: string, workspaceId?: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .innerJoin(memberships, and(eq(memberships.workspaceId, notifications.workspaceId), eq(memberships.userId, notifications.userId)))
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), workspaceId ? eq(notifications.workspaceId, workspaceId) : undefined));
  return row?.n ?? 0;
}

/** Marks the caller's own entries read (ids of anyone else's are ignored); returns how many changed. */
export async function markNotificationsRead(db: DbOrTx, userId: string, ids: string[] | "all"): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ids === "all" ? undefined : inArray(notifications.id, ids)))
    .returning({ id: notifications.id });
  return rows.length;
}
