"use server";
// The inbox from the UI: list, unread count, mark read; the e-mail preference.
import { z } from "zod";
import { userAction, workspaceAction } from "@/lib/actions/safe-action";
import { countUnreadNotifications, listNotifications, markNotificationsRead } from "@/lib/notifications/list-notifications";
import { setEmailMode } from "@/lib/notifications/notification-settings";

export const listNotificationsAction = workspaceAction("read", z.object({ unreadOnly: z.boolean().optional() }), async (input, { db, userId, access }) => ({
  items: await listNotifications(db, userId, { unreadOnly: input.unreadOnly, workspaceId: access.workspaceId }),
}));

export const countUnreadAction = workspaceAction("read", z.object({ scope: z.literal("workspace").optional() }), async (_input, { db, userId, access }) =>
  countUnreadNotifications(db, userId, access.workspaceId),
);

export const markNotificationsReadAction = userAction(
  z.object({ ids: z.array(z.uuid()).max(500).optional(), all: z.boolean().optional() }),
  async (input, { db, userId }) => markNotificationsRead(db, userId, input.all ? "all" : input.ids ?? []),
);

export const setEmailModeAction = userAction(z.object({ emailMode: z.enum(["each", "digest", "off"]) }), async (input, { db, userId }) => {
  await setEmailMode(db, userId, input.emailMode);
  return null;
});
