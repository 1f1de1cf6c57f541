"use server";
// "Not you?" on the invitation page: sign out, then sign in again and come back to the link.
import { signOut } from "@/auth";
import { ZInvitationToken } from "@/lib/validations/members";

export async function switchAccountForInvitationAction(form: FormData): Promise<void> {
  const token = ZInvitationToken.safeParse(form.get("token"));
  const back = token.success ? `?callbackUrl=${encodeURIComponent(`/invite/${token.data}`)}` : "";
  await signOut({ redirectTo: `/sign-in${back}` });
}
