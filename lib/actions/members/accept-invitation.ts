"use server";
import { z } from "zod";
import { userAction } from "@/lib/actions/safe-action";
import { acceptInvitation } from "@/lib/members/accept-invitation";
import { requestIp } from "@/lib/server/request-info";
import { ZInvitationToken } from "@/lib/validations/members";

export const acceptInvitationAction = userAction(z.object({ token: ZInvitationToken }), async (input, { db, userId }) => {
  const { slug } = await acceptInvitation(db, { token: input.token, userId, ip: await requestIp() });
  return { slug };
});
