// GET  /api/v1/workspaces/{slug}/stakeholder-maps — the workspace's stakeholder maps [{id, title, stakeholderCount, …}]
// POST /api/v1/workspaces/{slug}/stakeholder-maps — body `{title}` or a full `journeyboard.stakeholders/v1`
//      document → 201 with the map summary
import { z } from "zod";
import { listStakeholderMaps } from "@/db/queries/stakeholders";
import { apiRoute, readJson, requireWorkspaceBySlug } from "@/lib/api/route";
import { createStakeholderMap } from "@/lib/stakeholders/create-stakeholder-map";

export const GET = apiRoute<{ slug: string }>(async ({ db, caller, params }) => {
  const access = await requireWorkspaceBySlug(db, caller, params.slug, "read");
  const list = await listStakeholderMaps(db, access.workspaceId);
  return Response.json(list.map((m) => ({ ...m, createdAt: m.createdAt.toISOString(), updatedAt: m.updatedAt.toISOString() })));
});

export const POST = apiRoute<{ slug: string }>(async ({ db, caller, params, request }) => {
  const access = await requireWorkspaceBySlug(db, caller, params.slug, "edit");
  const body = await readJson(request, z.record(z.string(), z.unknown()), 512_000);
  const created = await createStakeholderMap(db, { workspaceId: access.workspaceId, userId: caller.userId, content: body as never });
  return Response.json(
    { id: created.id, title: created.title, stakeholderCount: created.stakeholderCount, createdAt: created.createdAt.toISOString(), updatedAt: created.updatedAt.toISOString() },
    { status: 201 },
  );
});
