// Tells whoever sent an invitation that it was accepted (if they are still a member).
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { appBaseUrl } from "./app-url";
import { createNotifications } from "./create-notifications";

export async function notifyInvitationAccepted(
  db: DbOrTx,
  { workspaceId, slug, inviterId, userId }: { workspaceId: string; slug: string; inviterId: string | null; userId: string },
): Promise<void> {
  if (!inviterId || inviterId === userId) return;
  const [inviter] = await db.select({ u: memberships.userId }).from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, inviterId))).limit(1);
  if (!inviter) return;
  const [joined] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId)).limit(1);
  await createNotifications(
    db,
    [{ workspaceId, userId: inviterId, kind: "invitation_accepted", actorId: userId, title: joined?.name ?? joined?.email ?? "", excerpt: joined?.email ?? "", path: `/w/${slug}/members` }],
    { baseUrl: appBaseUrl() },
  );
}
