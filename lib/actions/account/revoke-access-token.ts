"use server";
import { userAction } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/server/request-info";
import { revokeAccessToken } from "@/lib/tokens/revoke-access-token";
import { ZRevokeAccessToken } from "@/lib/validations/account";

export const revokeAccessTokenAction = userAction(ZRevokeAccessToken, async (input, { db, userId }) => {
  await revokeAccessToken(db, { userId, tokenId: input.tokenId, ip: await requestIp() });
  return null;
});
