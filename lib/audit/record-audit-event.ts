// Appends a security-relevant event to the audit log. Never throws: auditing must not break sign-in.
import type { DbOrTx } from "@/db/client";
import { auditEvents } from "@/db/schema";

export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.sign_up"
  | "auth.account_linked"
  | "workspace.created"
  | "workspace.renamed"
  | "workspace.join_domain_changed"
  | "member.invited"
  | "member.joined"
  | "member.role_changed"
  | "member.department_changed"
  | "member.removed"
  | "member.left"
  | "invitation.revoked"
  | "department.created"
  | "department.renamed"
  | "department.deleted"
  | "token.created"
  | "token.revoked"
  | (string & {});

export type AuditEventInput = {
  action: AuditAction;
  actorId?: string | null;
  workspaceId?: string | null;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  metadata?: Record<string, unknown>;
};

export async function recordAuditEvent(db: DbOrTx, event: AuditEventInput): Promise<void> {
  try {
    await db.insert(auditEvents).values({
      action: event.action,
      actorId: event.actorId ?? null,
      workspaceId: event.workspaceId ?? null,
      targetType: event.targetType,
      targetId: event.targetId,
      ip: event.ip && /^[0-9a-f.:]+$/i.test(event.ip) ? event.ip : null,
      metadata: event.metadata ?? {},
    });
  } catch (err) {
    console.error("audit: could not record", event.action, err);
  }
}
