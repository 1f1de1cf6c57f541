// Creates a workspace with its creator as owner and the usual departments.
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { departments, memberships, workspaces } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";

export const DEFAULT_DEPARTMENTS = ["Marketing", "Sales", "Customer Service", "Product", "IT", "Finance", "HR"];
const COLORS = ["#db2777", "#ea580c", "#0891b2", "#7c3aed", "#475569", "#16a34a", "#ca8a04"];

export type CreateWorkspaceOptions = { name: string; slug: string; ownerId: string };

export async function createWorkspace(db: Database, { name, slug, ownerId }: CreateWorkspaceOptions) {
  const [taken] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, slug)).limit(1);
  if (taken) throw new AppError("conflict", "slug_taken", { slug: "slug_taken" });
  return db.transaction(async (tx) => {
    const [workspace] = await tx.insert(workspaces).values({ name, slug }).returning();
    await tx.insert(memberships).values({ workspaceId: workspace.id, userId: ownerId, role: "owner" });
    await tx.insert(departments).values(DEFAULT_DEPARTMENTS.map((d, i) => ({ workspaceId: workspace.id, name: d, color: COLORS[i], position: i })));
    await recordAuditEvent(tx, { action: "workspace.created", actorId: ownerId, workspaceId: workspace.id });
    return workspace;
  });
}

/** A URL-safe slug suggestion from a name ("Acme GmbH" → "acme-gmbh"). */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40) || "workspace";
}
