// The domain join rule: anyone whose verified e-mail is at the workspace's join domain may join.
// They join as viewers — least privilege; an owner or admin promotes them on the members page.
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { emailDomain } from "@/db/queries/workspaces";
import { memberships, users, workspaces, type Role } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";

export const DOMAIN_JOIN_ROLE: Role = "viewer";

export type JoinByDomainOptions = { userId: string; slug: string; ip?: string | null };

/** Joins the workspace `slug`; `not_found` whenever the rule does not let this user in (never reveals why). */
export async function joinByDomain(db: Database, { userId, slug, ip }: JoinByDomainOptions) {
  const [user] = await db.select({ email: users.email, emailVerified: users.emailVerified }).from(users).where(eq(users.id, userId)).limit(1);
  const [workspace] = await db.select({ id: workspaces.id, slug: workspaces.slug, joinDomain: workspaces.joinDomain }).from(workspaces).where(eq(workspaces.slug, slug)).limit(1);
  if (!user?.emailVerified || !workspace?.joinDomain || emailDomain(user.email) !== workspace.joinDomain) throw new AppError("not_found");
  return db.transaction(async (tx) => {
    const [inserted] = await tx
      .insert(memberships)
      .values({ workspaceId: workspace.id, userId, role: DOMAIN_JOIN_ROLE })
      .onConflictDoNothing()
      .returning({ userId: memberships.userId });
    if (inserted) {
      await recordAuditEvent(tx, {
        action: "member.joined", actorId: userId, workspaceId: workspace.id, targetType: "user", targetId: userId, ip,
        metadata: { via: "domain", role: DOMAIN_JOIN_ROLE, domain: workspace.joinDomain },
      });
    }
    return { slug: workspace.slug, alreadyMember: !inserted };
  });
}
