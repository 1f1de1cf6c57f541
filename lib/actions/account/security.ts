"use server";
// Account security: change password, sign out everywhere, re-send the verification mail.
import { eq } from "drizzle-orm";
import { auth, signIn, signOut } from "@/lib/auth/config";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { changePassword } from "@/lib/auth/change-password";
import { sendVerificationEmail } from "@/lib/auth/send-verification-email";
import { closeUserSessionSockets, signOutEverywhere } from "@/lib/auth/sign-out-everywhere";
import { ThrottledError, consumeResetRequest } from "@/lib/auth/throttle";
import { AppError } from "@/lib/errors";
import { requestIp, requestOrigin } from "@/lib/server/request-info";
import { ZPassword } from "@/lib/validations/auth";

export type ChangePasswordState = { error?: "wrong_password" | "password_too_short" | "password_too_long" | "unauthenticated" } | undefined;

export async function changePasswordAction(_prev: ChangePasswordState, form: FormData): Promise<ChangePasswordState> {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return { error: "unauthenticated" };
  const next = ZPassword.safeParse(String(form.get("next") ?? ""));
  if (!next.success) return { error: next.error.issues[0].message === "password_too_long" ? "password_too_long" : "password_too_short" };
  const db = await getDb();
  try {
    await changePassword(db, { userId, current: String(form.get("current") ?? "").slice(0, 200), next: next.data, ip: await requestIp() });
  } catch (err) {
    if (err instanceof AppError && err.code === "invalid_input") return { error: "wrong_password" };
    throw err;
  }
  await closeUserSessionSockets(userId);
  // Every session (this one too) carries the old version now: sign this browser in again with the new password.
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId)).limit(1);
  await signIn("credentials", { email: user.email, password: next.data, redirectTo: "/account?passwordChanged=1" });
}

export async function signOutEverywhereAction(): Promise<void> {
  const session = await auth();
  const userId = session?.user?.id;
  if (userId) await signOutEverywhere(await getDb(), { userId, ip: await requestIp() });
  await signOut({ redirectTo: "/sign-in" });
}

export type ResendState = { sent?: boolean; error?: "rate_limited" } | undefined;

export async function resendVerificationAction(_prev: ResendState): Promise<ResendState> {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return undefined;
  const db = await getDb();
  const [user] = await db.select({ id: users.id, email: users.email, name: users.name, emailVerified: users.emailVerified }).from(users).where(eq(users.id, userId)).limit(1);
  if (!user || user.emailVerified) return { sent: true };
  try {
    await consumeResetRequest(db, user.email, (await requestIp()) ?? "unknown");
  } catch (err) {
    if (err instanceof ThrottledError) return { error: "rate_limited" };
    throw err;
  }
  await sendVerificationEmail(db, user, await requestOrigin());
  return { sent: true };
}
