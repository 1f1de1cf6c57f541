// Sets or clears the domain join rule ("anyone with a verified e-mail at @domain may join").
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { workspaces } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { loadActorRole } from "@/lib/members/load-actor-role";

/** Mailbox providers anyone can sign up at: a join rule for them would open the workspace to the world. */
export const PUBLIC_EMAIL_DOMAINS = new Set([
  "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "yahoo.de",
  "icloud.com", "me.com", "aol.com", "gmx.de", "gmx.net", "gmx.com", "web.de", "t-online.de", "proton.me",
  "protonmail.com", "mail.com", "yandex.com", "freenet.de", "posteo.de", "mailbox.org",
]);

export type SetJoinDomainOptions = { workspaceId: string; actorId: string; domain: string | null; ip?: string | null };

export async function setJoinDomain(db: Database, { workspaceId, actorId, domain, ip }: SetJoinDomainOptions) {
  if (domain && PUBLIC_EMAIL_DOMAINS.has(domain)) throw new AppError("invalid_input", "domain_public", { domain: "domain_public" });
  return db.transaction(async (tx) => {
    if (!can(await loadActorRole(tx, workspaceId, actorId), "manage_workspace")) throw new AppError("forbidden");
    const [before] = await tx.select({ joinDomain: workspaces.joinDomain }).from(workspaces).where(eq(workspaces.id, workspaceId));
    if (before.joinDomain === domain) return;
    await tx.update(workspaces).set({ joinDomain: domain, updatedAt: new Date() }).where(eq(workspaces.id, workspaceId));
    await recordAuditEvent(tx, {
      action: "workspace.join_domain_changed", actorId, workspaceId, ip, metadata: { from: before.joinDomain, to: domain },
    });
  });
}
