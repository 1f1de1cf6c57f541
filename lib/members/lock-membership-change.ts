// The locked state a role change or removal is decided on: the owner rows (locked first, so two
// owners demoting or removing each other at once cannot leave none), the actor's current role and
// the target's membership.
import { and, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { memberships, type Role } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { loadActorRole } from "./load-actor-role";

export type LockedMembershipChange = { ownerCount: number; actorRole: Role; memberRole: Role };

/** Locks and reads what a membership change needs; `not_found` when actor or target is not a member. */
export async function lockMembershipChange(tx: Transaction, workspaceId: string, actorId: string, userId: string): Promise<LockedMembershipChange> {
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
  return { ownerCount: owners.length, actorRole, memberRole: member.role };
}
