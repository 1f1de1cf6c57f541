"use server";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { AppError } from "@/lib/errors";
import { listShareLinks } from "@/lib/sharing/list-share-links";
import { findShareTargetWorkspace, ZShareKind } from "@/lib/sharing/share-targets";

/** The document's active share links with their opens (any member may see them). */
export const listShareLinksAction = workspaceAction("read", z.object({ kind: ZShareKind, docId: z.uuid() }), async (input, { db, access }) => {
  if ((await findShareTargetWorkspace(db, input.kind, input.docId)) !== access.workspaceId) throw new AppError("not_found");
  return listShareLinks(db, { workspaceId: access.workspaceId, kind: input.kind, docId: input.docId });
});
