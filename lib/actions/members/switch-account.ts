"use server";
// "Not you?" on the invitation page: sign out, then sign in again and come back to the link.
import { signOut } from "@/lib/auth/config";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { ZInvitationToken } from "@/lib/validations/members";

export async function switchAccountForInvitationAction(form: FormData): Promise<void> {
  const token = ZInvitationToken.safeParse(form.get("token"));
  const back = token.success ? `?callbackUrl=${encodeURIComponent(safeCallbackUrl(`/invite/${encodeURIComponent(token.data)}`))}` : "";
  await signOut({ redirectTo: `/sign-in${back}` });
}
