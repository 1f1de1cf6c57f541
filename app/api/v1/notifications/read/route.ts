// POST /api/v1/notifications/read — `{ids}` (or `{all: true}`) marks the caller's entries read → `{updated}`
import { apiRoute, readJson } from "@/lib/api/route";
import { markNotificationsRead } from "@/lib/notifications/list-notifications";
import { ZMarkNotificationsRead } from "@/lib/validations/comments";

export const POST = apiRoute(async ({ db, caller, request }) => {
  const input = await readJson(request, ZMarkNotificationsRead, 64_000);
  const updated = await markNotificationsRead(db, caller.userId, input.all ? "all" : input.ids!);
  return Response.json({ updated });
});
