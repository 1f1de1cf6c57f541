"use server";
import { z } from "zod";
import { workspaceAction } from "@/lib/actions/safe-action";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { requestOrigin } from "@/lib/server/request-info";
import { createShareLink, ZShareLinkInput } from "@/lib/sharing/create-share-link";
import { ZShareKind } from "@/lib/sharing/share-targets";

/** Creates a view-only link (editors); the URL is returned once (only its hash is stored). */
export const createShareLinkAction = workspaceAction(
  "edit",
  z.object({ kind: ZShareKind, docId: z.uuid() }).extend(ZShareLinkInput.shape),
  async (input, { db, userId, access }) => {
    const { kind, docId, ...rest } = input;
    const link = await createShareLink(db, { workspaceId: access.workspaceId, kind, docId, userId, origin: await requestOrigin(), input: rest });
    await recordAuditEvent(db, { action: "share_link.created", actorId: userId, workspaceId: access.workspaceId, targetType: kind, targetId: docId.toLowerCase(), metadata: { linkId: link.id, expiresAt: link.expiresAt, password: Boolean(rest.password) } });
    return link;
  },
);
