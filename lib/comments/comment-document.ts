// The document a comment thread lives on: kind + id → its workspace, title, live-document name
// and in-app path. Deleted documents are "not found" (their threads are unreachable with them).
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  journeyMaps, mapStages, mapTouchpoints, personas, stakeholderMaps, stakeholders, workspaces,
  type CommentAnchorKind, type CommentDocKind,
} from "@/db/schema";
import { AppError } from "@/lib/errors";

export type CommentDocument = { kind: CommentDocKind; id: string; workspaceId: string; slug: string; title: string; docName: string };
export type CommentAnchor = { kind: CommentAnchorKind; id: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Persona sheet sections a thread may be anchored to (keys of the persona document). */
export const PERSONA_SECTIONS = ["demographics", "job", "goals", "pains", "information", "competitors", "evidence"] as const;

/** Loads a live (not deleted) document by kind and id; not_found otherwise. */
export async function findCommentDocument(db: DbOrTx, kind: CommentDocKind, rawId: string): Promise<CommentDocument> {
  if (!UUID.test(rawId)) throw new AppError("not_found");
  const id = rawId.toLowerCase();
  const table = kind === "map" ? journeyMaps : kind === "persona" ? personas : stakeholderMaps;
  const titleCol = kind === "map" ? journeyMaps.title : kind === "persona" ? personas.name : stakeholderMaps.title;
  const [row] = await db
    .select({ workspaceId: table.workspaceId, slug: workspaces.slug, title: titleCol })
    .from(table)
    .innerJoin(workspaces, eq(workspaces.id, table.workspaceId))
    .where(and(eq(table.id, id), isNull(table.deletedAt)))
    .limit(1);
  if (!row) throw new AppError("not_found");
  return { kind, id, workspaceId: row.workspaceId, slug: row.slug, title: row.title, docName: `${kind === "stakeholders" ? "stakeholders" : kind}:${id}` };
}

/**
 * The current label of an anchor, or null when it no longer exists in the document's projection
 * (a removed touchpoint: its thread stays readable, shown "on a removed touchpoint").
 */
export async function findAnchorLabel(db: DbOrTx, doc: CommentDocument, anchor: CommentAnchor): Promise<string | null> {
  if (anchor.kind === "document" || !anchor.id) return doc.title;
  if (doc.kind === "map" && anchor.kind === "touchpoint") {
    const [r] = await db.select({ t: mapTouchpoints.title }).from(mapTouchpoints)
      .where(and(eq(mapTouchpoints.mapId, doc.id), eq(mapTouchpoints.touchpointId, anchor.id))).limit(1);
    return r ? r.t : null;
  }
  if (doc.kind === "map" && anchor.kind === "stage") {
    const [r] = await db.select({ t: mapStages.name }).from(mapStages)
      .where(and(eq(mapStages.mapId, doc.id), eq(mapStages.stageId, anchor.id))).limit(1);
    return r ? r.t : null;
  }
  if (doc.kind === "persona" && anchor.kind === "section") {
    return (PERSONA_SECTIONS as readonly string[]).includes(anchor.id) ? anchor.id : null;
  }
  if (doc.kind === "stakeholders" && anchor.kind === "stakeholder") {
    const [r] = await db.select({ t: stakeholders.name }).from(stakeholders)
      .where(and(eq(stakeholders.stakeholderMapId, doc.id), eq(stakeholders.stakeholderId, anchor.id))).limit(1);
    return r ? r.t : null;
  }
  return null;
}

/** Which anchor kinds fit which document. */
export function anchorFits(docKind: CommentDocKind, anchorKind: CommentAnchorKind): boolean {
  if (anchorKind === "document") return true;
  if (docKind === "map") return anchorKind === "touchpoint" || anchorKind === "stage";
  if (docKind === "persona") return anchorKind === "section";
  return anchorKind === "stakeholder";
}

/** The in-app path that opens the document at the anchor (and, with `commentId`, the thread). */
export function documentPath(doc: Pick<CommentDocument, "kind" | "id" | "slug">, anchor?: CommentAnchor | null, commentId?: string | null): string {
  const base = doc.kind === "map" ? "maps" : doc.kind === "persona" ? "personas" : "stakeholders";
  const q = new URLSearchParams();
  if (anchor?.id) {
    const key = anchor.kind === "touchpoint" ? "tp" : anchor.kind === "stage" ? "stage" : anchor.kind === "section" ? "section" : "stakeholder";
    q.set(key, anchor.id);
  }
  if (commentId) q.set("comment", commentId);
  const qs = q.toString();
  return `/w/${doc.slug}/${base}/${doc.id}${qs ? `?${qs}` : ""}`;
}
