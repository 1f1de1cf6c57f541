// Invites someone by e-mail: a single-use link that expires after seven days, mailed to the address
// and bound to it (only an account with that e-mail may accept) unless an admin chose "anyone with
// the link". Only the link's hash is stored; the caller shows the link once; it is never logged.
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { findDepartment } from "@/db/queries/departments";
import { invitations, memberships, users, workspaces, type Role } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { canAssignRole } from "@/lib/auth/policy";
import { generateSecret, hashSecret } from "@/lib/auth/secret-token";
import { AppError } from "@/lib/errors";
import { enqueueMail } from "@/lib/mail";
import { loadActorRole } from "./load-actor-role";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type CreateInvitationOptions = {
  workspaceId: string;
  actorId: string;
  email: string;
  role: Role;
  departmentId?: string | null;
  /** false (default): only the invited address may accept. true: whoever holds the link. */
  anyoneWithLink?: boolean;
  /** Where the link points (the origin the inviter used, or AUTH_URL); with it, the invitation is mailed. */
  origin?: string;
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
        workspaceId, email, role, departmentId, tokenHash: hashSecret(token), invitedBy: actorId, anyoneWithLink: options.anyoneWithLink ?? false,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS), createdAt: now,
      })
      .returning();
    await recordAuditEvent(tx, {
      action: "member.invited", actorId, workspaceId, targetType: "invitation", targetId: invitation.id, ip,
      metadata: { email, role, anyoneWithLink: options.anyoneWithLink ?? false },
    });
    if (options.origin) {
      const [workspace] = await tx.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, workspaceId)).limit(1);
      const [inviter] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, actorId)).limit(1);
      const link = `${options.origin}/invite/${token}`;
      await enqueueMail(tx, {
        to: email,
        kind: "invitation",
        workspaceId,
        subject: `${inviter?.name ?? inviter?.email ?? "Someone"} invited you to ${workspace?.name ?? "a workspace"} on Journeyboard`,
        text: `Hello,\n\n${inviter?.name ?? inviter?.email ?? "Someone"} invited you to join ${workspace?.name ?? "a workspace"} on Journeyboard as ${role}.\n\nOpen this link within seven days to join (it works once):\n\n${link}\n\nIf you did not expect this invitation, ignore this mail.\n`,
      });
    }
    return { invitation, token };
  });
}
