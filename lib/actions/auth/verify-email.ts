"use server";
// The button behind the verification link (a POST, so mail scanners that open links use nothing up).
import { getDb } from "@/db/client";
import { verifyEmail } from "@/lib/auth/verify-email";
import { AppError } from "@/lib/errors";
import { requestIp } from "@/lib/server/request-info";

export type VerifyState = { done?: boolean; error?: "link_invalid" | "link_used" | "link_expired" } | undefined;

export async function verifyEmailAction(_prev: VerifyState, form: FormData): Promise<VerifyState> {
  try {
    await verifyEmail(await getDb(), String(form.get("token") ?? ""), await requestIp());
  } catch (err) {
    if (err instanceof AppError) return { error: err.code === "expired" ? "link_expired" : err.code === "already_used" ? "link_used" : "link_invalid" };
    throw err;
  }
  return { done: true };
}
