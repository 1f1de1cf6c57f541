// Changes a member's role. Only owners make or unmake owners; the last owner cannot step down.
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { memberships, type Role } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { canAssignRole } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { loadActorRole } from "./load-actor-role";

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
    // Lock the owner rows first: two owners demoting each other at once must not leave none.
    const owners = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "owner")))
      .for("update");
    const actorRole = await loadActorRole(tx, workspaceId, actorId);
    const [member] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
      .for("update");
    if (!member) throw new AppError("not_found");
    if (!canAssignRole(actorRole, member.role, role)) throw new AppError("forbidden");
    if (member.role === role) return { previousRole: member.role, changed: false };
    if (member.role === "owner" && owners.length <= 1) throw new AppError("last_owner");
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
    await recordAuditEvent(tx, {
      action: "member.role_changed", actorId, workspaceId, targetType: "user", targetId: userId, ip,
      metadata: { from: member.role, to: role },
    });
    return { previousRole: member.role, changed: true };
  });
}
