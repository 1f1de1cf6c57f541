// Changes a member's role. Only owners make or unmake owners; the last owner cannot step down.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { memberships, type Role } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can, canAssignRole } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { lockMembershipChange } from "./lock-membership-change";
import { revokeInvitationsOfInviter } from "./revoke-invitations-of-inviter";

export type ChangeMemberRoleOptions = {
  workspaceId: string;
  actorId: string;
  userId: string;
  role: Role;
  ip?: string | null;
};

/** Returns the previous role; `changed` is false when the member already had `role`. */
export async function changeMemberRole(db: Database, { workspaceId, actorId, userId, role, ip }: ChangeMemberRoleOptions) {
  return db.transaction(async (tx) => {
    const { ownerCount, actorRole, memberRole } = await lockMembershipChange(tx, workspaceId, actorId, userId);
    if (!canAssignRole(actorRole, memberRole, role)) throw new AppError("forbidden");
    if (memberRole === role) return { previousRole: memberRole, changed: false };
    if (memberRole === "owner" && ownerCount <= 1) throw new AppError("last_owner");
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
    await recordAuditEvent(tx, {
      action: "member.role_changed", actorId, workspaceId, targetType: "user", targetId: userId, ip,
      metadata: { from: memberRole, to: role },
    });
    if (!can(role, "manage_members")) await revokeInvitationsOfInviter(tx, { workspaceId, inviterId: userId, actorId, ip });
    return { previousRole: memberRole, changed: true };
  });
}
