// GET /api/v1/notifications — the caller's inbox, newest first (`?unread=1`, `?limit=`)
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { listNotifications } from "@/lib/notifications/list-notifications";

const ZQuery = z.object({ unread: z.enum(["0", "1"]).optional(), limit: z.coerce.number().int().min(1).max(500).optional() });

export const GET = apiRoute(async ({ db, caller, request }) => {
  const q = ZQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listNotifications(db, caller.userId, { unreadOnly: q.unread === "1", limit: q.limit }));
});
