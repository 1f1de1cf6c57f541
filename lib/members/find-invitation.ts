// What the invitation page shows for a link: the workspace, the role, and whether it still works.
import type { DbOrTx } from "@/db/client";
import { findInvitationByTokenHash } from "@/db/queries/invitations";
import { hashSecret } from "@/lib/auth/secret-token";

export type InvitationStatus = "valid" | "expired" | "already_used";

/** The invitation behind a link secret, or null when unknown or revoked (a revoked link is "not found"). */
export async function findInvitation(db: DbOrTx, token: string, now = new Date()) {
  const found = await findInvitationByTokenHash(db, hashSecret(token));
  if (!found || found.invitation.revokedAt) return null;
  const { invitation } = found;
  const status: InvitationStatus = invitation.acceptedAt ? "already_used" : invitation.expiresAt <= now ? "expired" : "valid";
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
    status,
    workspace: found.workspace,
    departmentName: found.departmentName,
    invitedByName: found.invitedByName,
  };
}
