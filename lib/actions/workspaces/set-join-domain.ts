"use server";
import { workspaceAction } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/server/request-info";
import { ZSetJoinDomain } from "@/lib/validations/settings";
import { setJoinDomain } from "@/lib/workspaces/set-join-domain";

export const setJoinDomainAction = workspaceAction("manage_workspace", ZSetJoinDomain, async (input, { db, userId, access }) => {
  await setJoinDomain(db, { workspaceId: access.workspaceId, actorId: userId, domain: input.domain, ip: await requestIp() });
  return { domain: input.domain };
});
