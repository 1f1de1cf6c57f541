// The dev mailbox: without SMTP_URL, a workspace's owners can read the mails of their workspace and
// of its members and pending invitees (the only way to follow a link in the two-command setup).
import { and, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { mailOutbox } from "@/db/schema";

export type DevMail = { id: string; recipient: string; subject: string; text: string; kind: string; status: string; createdAt: Date };

/** Latest mails of a workspace, its members and invitees (newest first, at most `limit`). */
export async function listDevMailbox(db: DbOrTx, workspaceId: string, limit = 100): Promise<DevMail[]> {
  const audience = sql`(select u.email from memberships m join users u on u.id = m.user_id where m.workspace_id = ${workspaceId}
                        union select i.email from invitations i where i.workspace_id = ${workspaceId} and i.email is not null)`;
  return db
    .select({
      id: mailOutbox.id, recipient: mailOutbox.recipient, subject: mailOutbox.subject, text: mailOutbox.text,
      kind: mailOutbox.kind, status: mailOutbox.status, createdAt: mailOutbox.createdAt,
    })
    .from(mailOutbox)
    .where(or(eq(mailOutbox.workspaceId, workspaceId), and(isNull(mailOutbox.workspaceId), inArray(mailOutbox.recipient, audience))))
    .orderBy(desc(mailOutbox.createdAt))
    .limit(limit);
}
