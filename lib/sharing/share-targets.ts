// What can be shared by link: maps, personas and stakeholder maps (the collaborative documents).
// Resolves a target to its workspace (live rows only) so that every caller scopes by workspace.
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { journeyMaps, personas, stakeholderMaps } from "@/db/schema";

export const SHARE_KINDS = ["map", "persona", "stakeholders"] as const;
export type ShareKind = (typeof SHARE_KINDS)[number];
export const ZShareKind = z.enum(SHARE_KINDS);

/** The Yjs document name of a shared target (same names as collab/doc-name.ts). */
export const shareDocName = (kind: ShareKind, id: string) => `${kind}:${id.toLowerCase()}`;

/** The workspace of a live (not soft-deleted) target, or null. */
export async function findShareTargetWorkspace(db: DbOrTx, kind: ShareKind, id: string): Promise<string | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const table = kind === "map" ? journeyMaps : kind === "persona" ? personas : stakeholderMaps;
  const rows = await db
    .select({ workspaceId: table.workspaceId })
    .from(table)
    .where(and(eq(table.id, id.toLowerCase()), isNull(table.deletedAt)))
    .limit(1);
  return rows[0]?.workspaceId ?? null;
}

/** The target's display title (map title, persona name, stakeholder map title). */
export async function findShareTargetTitle(db: DbOrTx, kind: ShareKind, id: string): Promise<string> {
  if (kind === "map") {
    const [r] = await db.select({ t: journeyMaps.title }).from(journeyMaps).where(eq(journeyMaps.id, id));
    return r?.t ?? "";
  }
  if (kind === "persona") {
    const [r] = await db.select({ t: personas.name }).from(personas).where(eq(personas.id, id));
    return r?.t ?? "";
  }
  const [r] = await db.select({ t: stakeholderMaps.title }).from(stakeholderMaps).where(eq(stakeholderMaps.id, id));
  return r?.t ?? "";
}
