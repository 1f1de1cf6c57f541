// GET /api/v1/workspaces — the caller's workspaces [{slug, name, role}]
import { listUserWorkspaces } from "@/db/queries/memberships";
import { apiRoute } from "@/lib/api/route";

export const GET = apiRoute(async ({ db, caller }) => {
  const list = await listUserWorkspaces(db, caller.userId);
  return Response.json(list.map(({ slug, name, role }) => ({ slug, name, role })));
});
