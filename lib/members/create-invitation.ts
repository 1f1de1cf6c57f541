// Invites someone by e-mail: a single-use link that expires after seven days. Only the link's hash
// is stored; the caller shows the link once.
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { findDepartment } from "@/db/queries/departments";
import { invitations, memberships, users, type Role } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { canAssignRole } from "@/lib/auth/policy";
import { generateSecret, hashSecret } from "@/lib/auth/secret-token";
import { AppError } from "@/lib/errors";
import { loadActorRole } from "./load-actor-role";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type CreateInvitationOptions = {
  workspaceId: string;
  actorId: string;
  email: string;
  role: Role;
  departmentId?: string | null;
  ip?: string | null;
  now?: Date;
};

/** Creates the invitation; returns it with the link secret (`token`), which is not stored anywhere. */
export async function createInvitation(db: Database, options: CreateInvitationOptions) {
  const { workspaceId, actorId, role, ip, now = new Date() } = options;
  const email = options.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const actorRole = await loadActorRole(tx, workspaceId, actorId);
    if (!canAssignRole(actorRole, null, role)) throw new AppError("forbidden");
    const departmentId = options.departmentId ?? null;
    if (departmentId && !(await findDepartment(tx, workspaceId, departmentId))) {
      throw new AppError("invalid_input", "department_unknown", { departmentId: "department_unknown" });
    }
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, workspaceId), eq(users.email, email)))
      .limit(1);
    if (member) throw new AppError("conflict", "already_member", { email: "already_member" });
    // A new invitation replaces an open one to the same address: only the latest link works.
    await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.email, email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    const token = generateSecret("jb_inv");
    const [invitation] = await tx
      .insert(invitations)
      .values({
        workspaceId, email, role, departmentId, tokenHash: hashSecret(token), invitedBy: actorId,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS), createdAt: now,
      })
      .returning();
    await recordAuditEvent(tx, {
      action: "member.invited", actorId, workspaceId, targetType: "invitation", targetId: invitation.id, ip,
      metadata: { email, role },
    });
    return { invitation, token };
  });
}
