// GET /api/v1/notifications — the caller's inbox, newest first (`?unread=1`, `?limit=`)
import { apiRoute } from "@/lib/api/route";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { ZNotificationListQuery } from "@/lib/validations/comments";

export const GET = apiRoute(async ({ db, caller, request }) => {
  const q = ZNotificationListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listNotifications(db, caller.userId, { unreadOnly: q.unread === "1", limit: q.limit }));
});
