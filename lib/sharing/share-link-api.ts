// REST handlers for share links, shared by maps, personas and stakeholder maps (CONTRACT §8):
//   GET  /api/v1/{maps|personas|stakeholder-maps}/{id}/share-links — active links (members)
//   POST /api/v1/{maps|personas|stakeholder-maps}/{id}/share-links — {expiresAt?, password?, showNames?} → 201 {id, url} (editors)
import "server-only";
import { apiRoute, readJson, requireWorkspaceById } from "@/lib/api/route";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { createShareLink, ZShareLinkInput } from "./create-share-link";
import { listShareLinks } from "./list-share-links";
import { findShareTargetWorkspace, type ShareKind } from "./share-targets";

/** `https://host` as the client reached us (X-Forwarded-* only matter behind a proxy that sets them). */
export function originOf(request: Request): string {
  const h = request.headers;
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? new URL(request.url).host;
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? new URL(request.url).protocol.replace(":", "");
  return `${proto}://${host}`;
}

export function shareLinkRoutes(kind: ShareKind) {
  const resolve = async (db: Parameters<typeof findShareTargetWorkspace>[0], id: string) => {
    const workspaceId = await findShareTargetWorkspace(db, kind, id);
    if (!workspaceId) throw new AppError("not_found");
    return workspaceId;
  };
  const GET = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
    const workspaceId = await resolve(db, params.id);
    await requireWorkspaceById(db, caller, workspaceId, "read");
    return Response.json(await listShareLinks(db, { workspaceId, kind, docId: params.id }));
  });
  const POST = apiRoute<{ id: string }>(async ({ db, caller, params, request }) => {
    const workspaceId = await resolve(db, params.id);
    await requireWorkspaceById(db, caller, workspaceId, "edit");
    const input = await readJson(request, ZShareLinkInput, 10_000);
    const link = await createShareLink(db, { workspaceId, kind, docId: params.id, userId: caller.userId, origin: originOf(request), input });
    await recordAuditEvent(db, { action: "share_link.created", actorId: caller.userId, workspaceId, targetType: kind, targetId: params.id.toLowerCase(), metadata: { linkId: link.id, expiresAt: link.expiresAt, password: Boolean(input.password) } });
    return Response.json({ id: link.id, url: link.url, expiresAt: link.expiresAt }, { status: 201 });
  });
  return { GET, POST };
}
