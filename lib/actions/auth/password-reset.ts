"use server";
// "Forgot password" and the reset link's form. Public actions: throttled per IP and address, and
// the answer never says whether an account exists.
import { getDb } from "@/db/client";
import { requestPasswordReset } from "@/lib/auth/request-password-reset";
import { resetPassword } from "@/lib/auth/reset-password";
import { closeUserSessionSockets } from "@/lib/auth/sign-out-everywhere";
import { ThrottledError } from "@/lib/auth/throttle";
import { AppError } from "@/lib/errors";
import { requestIp, requestOrigin } from "@/lib/server/request-info";
import { ZEmail, ZPassword } from "@/lib/validations/auth";

export type ForgotState = { sent?: boolean; error?: "rate_limited" | "invalid_email"; email?: string } | undefined;

export async function requestPasswordResetAction(_prev: ForgotState, form: FormData): Promise<ForgotState> {
  const raw = String(form.get("email") ?? "").slice(0, 254);
  const parsed = ZEmail.safeParse(raw);
  if (!parsed.success) return { error: "invalid_email", email: raw };
  try {
    await requestPasswordReset(await getDb(), { email: parsed.data, ip: (await requestIp()) ?? "unknown", origin: await requestOrigin() });
  } catch (err) {
    if (err instanceof ThrottledError) return { error: "rate_limited", email: raw };
    throw err;
  }
  return { sent: true };
}

export type ResetState = { done?: boolean; error?: "password_too_short" | "password_too_long" | "link_invalid" | "link_used" | "link_expired" } | undefined;

export async function resetPasswordAction(_prev: ResetState, form: FormData): Promise<ResetState> {
  const password = ZPassword.safeParse(String(form.get("password") ?? ""));
  if (!password.success) return { error: password.error.issues[0].message === "password_too_long" ? "password_too_long" : "password_too_short" };
  try {
    const { userId } = await resetPassword(await getDb(), { secret: String(form.get("token") ?? ""), password: password.data, ip: await requestIp() });
    await closeUserSessionSockets(userId);
  } catch (err) {
    if (err instanceof AppError) {
      return { error: err.code === "expired" ? "link_expired" : err.code === "already_used" ? "link_used" : "link_invalid" };
    }
    throw err;
  }
  return { done: true };
}
