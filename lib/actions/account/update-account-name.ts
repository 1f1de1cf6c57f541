"use server";
import { userAction } from "@/lib/actions/safe-action";
import { updateAccountName } from "@/lib/account/update-account-name";
import { ZAccountName } from "@/lib/validations/account";

export const updateAccountNameAction = userAction(ZAccountName, async (input, { db, userId }) => {
  await updateAccountName(db, { userId, name: input.name });
  return { name: input.name };
});
