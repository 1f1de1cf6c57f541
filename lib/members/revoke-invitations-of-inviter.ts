// An invitation speaks for its inviter: when they lose the right to invite (demoted or removed),
// their open invitations in that workspace stop working.
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { invitations } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";

/** Revokes the open invitations `inviterId` created in the workspace; audits each (`invitation.revoked`, reason `inviter_lost_rights`). */
export async function revokeInvitationsOfInviter(tx: DbOrTx, { workspaceId, inviterId, actorId, ip }: { workspaceId: string; inviterId: string; actorId: string; ip?: string | null }): Promise<number> {
  const revoked = await tx
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.invitedBy, inviterId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id, email: invitations.email });
  for (const inv of revoked) {
    await recordAuditEvent(tx, {
      action: "invitation.revoked", actorId, workspaceId, targetType: "invitation", targetId: inv.id, ip,
      metadata: { email: inv.email, reason: "inviter_lost_rights" },
    });
  }
  return revoked.length;
}
