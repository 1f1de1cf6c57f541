"use server";
// Joining through the workspace's domain rule (listed on the onboarding page).
import { z } from "zod";
import { userAction } from "@/lib/actions/safe-action";
import { joinByDomain } from "@/lib/members/join-by-domain";
import { requestIp } from "@/lib/server/request-info";
import { ZWorkspaceSlug } from "@/lib/validations/workspace";

export const joinWorkspaceAction = userAction(z.object({ slug: ZWorkspaceSlug }), async (input, { db, userId }) => {
  return joinByDomain(db, { userId, slug: input.slug, ip: await requestIp() });
});
