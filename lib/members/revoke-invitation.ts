// Revokes an open invitation: its link stops working at once.
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { invitations } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { loadActorRole } from "./load-actor-role";

export type RevokeInvitationOptions = { workspaceId: string; actorId: string; invitationId: string; ip?: string | null };

export async function revokeInvitation(db: Database, { workspaceId, actorId, invitationId, ip }: RevokeInvitationOptions) {
  return db.transaction(async (tx) => {
    if (!can(await loadActorRole(tx, workspaceId, actorId), "manage_members")) throw new AppError("forbidden");
    const [revoked] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, invitationId), eq(invitations.workspaceId, workspaceId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id, email: invitations.email });
    if (!revoked) throw new AppError("not_found");
    await recordAuditEvent(tx, {
      action: "invitation.revoked", actorId, workspaceId, targetType: "invitation", targetId: revoked.id, ip,
      metadata: { email: revoked.email },
    });
  });
}
