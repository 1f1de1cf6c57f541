// Accepting an invitation link: the signed-in user joins once — only with the invited e-mail
// address, unless the inviter chose "anyone with the link".
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { findInvitationByTokenHash } from "@/db/queries/invitations";
import { invitations, memberships, users } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { hashSecret } from "@/lib/auth/secret-token";
import { AppError } from "@/lib/errors";
import { notifyInvitationAccepted } from "@/lib/notifications/notify-invitation-accepted";

export type AcceptInvitationOptions = { token: string; userId: string; ip?: string | null; now?: Date };

/**
 * Joins the invitation's workspace. Errors: `not_found` (unknown or revoked), `already_used`,
 * `expired`. A user who is already a member keeps their role; the link is used up either way.
 */
export async function acceptInvitation(db: Database, { token, userId, ip, now = new Date() }: AcceptInvitationOptions) {
  const found = await findInvitationByTokenHash(db, hashSecret(token));
  if (!found || found.invitation.revokedAt) throw new AppError("not_found");
  if (found.invitation.acceptedAt) throw new AppError("already_used");
  if (found.invitation.expiresAt <= now) throw new AppError("expired");
  const { invitation, workspace } = found;
  if (!invitation.anyoneWithLink) {
    const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId)).limit(1);
    if (!user || user.email.toLowerCase() !== invitation.email.toLowerCase()) throw new AppError("wrong_account");
  }
  return db.transaction(async (tx) => {
    // The conditional update is the single-use guarantee: of two concurrent accepts, one wins.
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: now, acceptedBy: userId })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    if (!claimed) throw new AppError("already_used");
    const [inserted] = await tx
      .insert(memberships)
      .values({ workspaceId: workspace.id, userId, role: invitation.role, departmentId: invitation.departmentId })
      .onConflictDoNothing()
      .returning({ role: memberships.role });
    if (inserted) {
      await recordAuditEvent(tx, {
        action: "member.joined", actorId: userId, workspaceId: workspace.id, targetType: "user", targetId: userId, ip,
        metadata: { via: "invitation", role: invitation.role, invitationId: invitation.id },
      });
      await notifyInvitationAccepted(tx, { workspaceId: workspace.id, slug: workspace.slug, inviterId: invitation.invitedBy, userId });
    }
    return { workspaceId: workspace.id, slug: workspace.slug, alreadyMember: !inserted };
  });
}
