// Renames a workspace (its address stays: links keep working).
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { workspaces } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { can } from "@/lib/auth/policy";
import { AppError } from "@/lib/errors";
import { loadActorRole } from "@/lib/members/load-actor-role";

export type RenameWorkspaceOptions = { workspaceId: string; actorId: string; name: string; ip?: string | null };

export async function renameWorkspace(db: Database, { workspaceId, actorId, name, ip }: RenameWorkspaceOptions) {
  return db.transaction(async (tx) => {
    if (!can(await loadActorRole(tx, workspaceId, actorId), "manage_workspace")) throw new AppError("forbidden");
    const [before] = await tx.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, workspaceId));
    if (before.name === name) return;
    await tx.update(workspaces).set({ name, updatedAt: new Date() }).where(eq(workspaces.id, workspaceId));
    await recordAuditEvent(tx, { action: "workspace.renamed", actorId, workspaceId, ip, metadata: { from: before.name, to: name } });
  });
}
