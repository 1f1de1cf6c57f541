// Invitations to a workspace.
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { departments, invitations, users, workspaces } from "../schema";

/** Invitations that can still be accepted (not accepted, not revoked, not expired), newest first. */
export async function listPendingInvitations(db: DbOrTx, workspaceId: string, now = new Date()) {
  return db
    .select({
      id: invitations.id, email: invitations.email, role: invitations.role,
      departmentName: departments.name, expiresAt: invitations.expiresAt, createdAt: invitations.createdAt,
      invitedByName: users.name, invitedByEmail: users.email,
    })
    .from(invitations)
    .leftJoin(departments, eq(departments.id, invitations.departmentId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(
      and(
        eq(invitations.workspaceId, workspaceId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .orderBy(desc(invitations.createdAt));
}

/**
 * The invitation whose link secret hashes to `tokenHash`, with its workspace. Looked up by secret,
 * not by workspace: holding the link is what grants access to this row.
 */
export async function findInvitationByTokenHash(db: DbOrTx, tokenHash: string) {
  const [row] = await db
    .select({
      invitation: invitations,
      workspace: { id: workspaces.id, slug: workspaces.slug, name: workspaces.name },
      departmentName: departments.name,
      invitedByName: users.name,
    })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .leftJoin(departments, eq(departments.id, invitations.departmentId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}
