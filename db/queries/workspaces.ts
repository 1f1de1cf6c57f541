// Workspace lookups outside a membership (the domain join rule).
import { and, asc, eq, notExists, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { memberships, users, workspaces } from "../schema";

/** The e-mail domain of an address, lower-case ("ada@Acme.example" → "acme.example"). */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1).toLowerCase();
}

/**
 * Workspaces the user may join through their join-domain rule: the user's e-mail is verified, its
 * domain equals the workspace's join domain, and they are not a member yet.
 */
export async function listJoinableWorkspaces(db: DbOrTx, userId: string) {
  const [user] = await db.select({ email: users.email, emailVerified: users.emailVerified }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user?.emailVerified) return [];
  return db
    .select({ id: workspaces.id, slug: workspaces.slug, name: workspaces.name })
    .from(workspaces)
    .where(
      and(
        eq(workspaces.joinDomain, emailDomain(user.email)),
        notExists(
          db.select({ one: sql`1` }).from(memberships).where(and(eq(memberships.workspaceId, workspaces.id), eq(memberships.userId, userId))),
        ),
      ),
    )
    .orderBy(asc(workspaces.name));
}
