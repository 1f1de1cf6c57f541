// Removes a member from a workspace (or lets a member leave). The last owner always remains.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { memberships } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { canAssignRole } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { revokeInvitationsOfInviter } from "./revoke-invitations-of-inviter";
import { lockMembershipChange } from "./lock-membership-change";

export type RemoveMemberOptions = { workspaceId: string; actorId: string; userId: string; ip?: string | null };

export async function removeMember(db: Database, { workspaceId, actorId, userId, ip }: RemoveMemberOptions) {
  return db.transaction(async (tx) => {
    const { ownerCount, actorRole, memberRole } = await lockMembershipChange(tx, workspaceId, actorId, userId);
    const leaving = actorId === userId;
    // Removing someone takes the power to manage members, and for an owner the power to unmake owners.
    if (!leaving && !canAssignRole(actorRole, memberRole, memberRole)) throw new AppError("forbidden");
    if (memberRole === "owner" && ownerCount <= 1) throw new AppError("last_owner");
    await tx.delete(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
    await recordAuditEvent(tx, {
      action: leaving ? "member.left" : "member.removed", actorId, workspaceId, targetType: "user", targetId: userId, ip,
      metadata: { role: memberRole },
    });
    await revokeInvitationsOfInviter(tx, { workspaceId, inviterId: userId, actorId, ip });
  });
}
