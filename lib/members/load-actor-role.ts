// The acting member's current role, reloaded inside the caller's transaction so that every rule is
// checked against the state being changed (never against a role read before).
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships, type Role } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** The actor's role in the workspace; `not_found` when they are not a member (never reveals the workspace). */
export async function loadActorRole(db: DbOrTx, workspaceId: string, actorId: string): Promise<Role> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, actorId)))
    .limit(1);
  if (!row) throw new AppError("not_found");
  return row.role;
}
