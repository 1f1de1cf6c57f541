"use server";
import { userAction } from "@/lib/actions/safe-action";
import { requestIp } from "@/lib/server/request-info";
import { createAccessToken } from "@/lib/tokens/create-access-token";
import { ZCreateAccessToken } from "@/lib/validations/account";

/** Returns the token secret once; afterwards only its prefix is ever shown. */
export const createAccessTokenAction = userAction(ZCreateAccessToken, async (input, { db, userId }) => {
  const created = await createAccessToken(db, { userId, name: input.name, expiresInDays: input.expiresInDays, scope: input.scope, ip: await requestIp() });
  return { id: created.id, token: created.token, name: created.name };
});
