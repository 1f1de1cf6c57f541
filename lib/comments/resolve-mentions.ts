// Turns the mentions written in a comment into members of the document's workspace. Everyone in
// a workspace reads all of its documents, so "has access to the document" = is a member. A
// mention of anyone else (or of a department that does not exist) is refused with a message that
// names it — never dropped silently.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { departments, memberships, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { ParsedMentions } from "./mentions";

export type ResolvedMentions = {
  userIds: string[];
  departmentIds: string[];
  /** Everyone to notify: mentioned members plus the members of mentioned departments. */
  recipientIds: string[];
};

/** More than this many mentions in one comment is refused (a comment is not a mailing list). */
export const MAX_MENTIONS = 25;

export async function resolveMentions(db: DbOrTx, workspaceId: string, parsed: ParsedMentions): Promise<ResolvedMentions> {
  if (parsed.emails.length + parsed.departments.length > MAX_MENTIONS) {
    throw new AppError("invalid_input", `A comment may mention at most ${MAX_MENTIONS} people and departments.`, { body: "too_many_mentions" });
  }
  const userIds: string[] = [];
  const departmentIds: string[] = [];
  const recipients = new Set<string>();
  if (parsed.emails.length) {
    const rows = await db
      .select({ id: users.id, email: users.email })
      .from(users)
      .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.workspaceId, workspaceId)))
      .where(inArray(sql`lower(${users.email})`, parsed.emails));
    const byEmail = new Map(rows.map((r) => [r.email.toLowerCase(), r.id]));
    const strangers = parsed.emails.filter((e) => !byEmail.has(e));
    if (strangers.length) {
      throw new AppError("invalid_input", `${strangers.join(", ")} has no access to this document (not a member of the workspace). Invite them first.`, {
        body: "mention_no_access",
        names: strangers.join(", "),
      });
    }
    for (const e of parsed.emails) {
      userIds.push(byEmail.get(e)!);
      recipients.add(byEmail.get(e)!);
    }
  }
  if (parsed.departments.length) {
    const rows = await db
      .select({ id: departments.id, name: departments.name })
      .from(departments)
      .where(and(eq(departments.workspaceId, workspaceId), inArray(sql`lower(${departments.name})`, parsed.departments.map((d) => d.toLowerCase()))));
    const byName = new Map(rows.map((r) => [r.name.toLowerCase(), r.id]));
    const unknown = parsed.departments.filter((d) => !byName.has(d.toLowerCase()));
    if (unknown.length) {
      throw new AppError("invalid_input", `There is no department named ${unknown.map((d) => `"${d}"`).join(", ")} in this workspace.`, {
        body: "mention_unknown_department",
        names: unknown.map((d) => `"${d}"`).join(", "),
      });
    }
    for (const d of parsed.departments) departmentIds.push(byName.get(d.toLowerCase())!);
    const members = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.departmentId, departmentIds)));
    for (const m of members) recipients.add(m.userId);
  }
  return { userIds, departmentIds, recipientIds: [...recipients] };
}
