// The audit log as owners see it.
import { and, desc, eq, inArray, isNull, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../client";
import { auditEvents, memberships, users } from "../schema";

/** Account-level events (no workspace) that concern a workspace when the actor is one of its members. */
export const ACCOUNT_LEVEL_ACTIONS = ["auth.sign_in", "auth.sign_in_failed", "auth.account_linked", "token.created", "token.revoked"];

export type AuditLogEntry = Awaited<ReturnType<typeof listWorkspaceAuditEvents>>["entries"][number];

/**
 * One page of the workspace's audit log, newest first: the workspace's own events plus sign-ins and
 * token changes of its current members (those act on this workspace too). `hasMore` tells whether
 * another page follows.
 */
export async function listWorkspaceAuditEvents(db: DbOrTx, workspaceId: string, { page = 1, pageSize = 50 } = {}) {
  const actor = alias(users, "actor");
  const target = alias(users, "target");
  const memberIds = db.select({ id: memberships.userId }).from(memberships).where(eq(memberships.workspaceId, workspaceId));
  const rows = await db
    .select({
      id: auditEvents.id, action: auditEvents.action, createdAt: auditEvents.createdAt, ip: auditEvents.ip,
      targetType: auditEvents.targetType, targetId: auditEvents.targetId, metadata: auditEvents.metadata,
      actorId: auditEvents.actorId, actorName: actor.name, actorEmail: actor.email,
      targetName: target.name, targetEmail: target.email,
    })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.actorId))
    .leftJoin(target, and(eq(auditEvents.targetType, "user"), eq(target.id, auditEvents.targetId)))
    .where(
      or(
        eq(auditEvents.workspaceId, workspaceId),
        and(isNull(auditEvents.workspaceId), inArray(auditEvents.action, ACCOUNT_LEVEL_ACTIONS), inArray(auditEvents.actorId, memberIds)),
      ),
    )
    .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  return { entries: rows.slice(0, pageSize), hasMore: rows.length > pageSize };
}
