"use server";
// Sign-up: validate → create the local account → sign in (Auth.js sets the session cookie).
import { getLocale } from "next-intl/server";
import { signIn } from "@/lib/auth/config";
import { getDb } from "@/db/client";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { createLocalAccount } from "@/lib/auth/create-local-account";
import { AppError } from "@/lib/errors";
import { sendVerificationEmail } from "@/lib/auth/send-verification-email";
import { ThrottledError, consumeSignUp } from "@/lib/auth/throttle";
import { requestIp, requestOrigin } from "@/lib/server/request-info";
import { ZSignUp } from "@/lib/validations/auth";

export type SignUpState = { fields?: Partial<Record<"name" | "email" | "password", string>>; values?: { name: string; email: string }; error?: "rate_limited" } | undefined;

const FIELD_MESSAGE: Record<string, string> = {
  name: "nameRequired",
  email: "invalidEmail",
  password_too_short: "passwordTooShort",
  password_too_long: "passwordTooLong",
};

export async function signUpAction(_prev: SignUpState, form: FormData): Promise<SignUpState> {
  const raw = {
    name: String(form.get("name") ?? ""),
    email: String(form.get("email") ?? ""),
    password: String(form.get("password") ?? ""),
    invitation: form.get("invitation") ? String(form.get("invitation")) : undefined,
  };
  const values = { name: raw.name, email: raw.email };
  const parsed = ZSignUp.safeParse(raw);
  if (!parsed.success) {
    const fields: NonNullable<SignUpState>["fields"] = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as "name" | "email" | "password";
      fields[key] ??= FIELD_MESSAGE[issue.message] ?? FIELD_MESSAGE[key] ?? "passwordTooShort";
    }
    return { fields, values };
  }
  const db = await getDb();
  const ip = (await requestIp()) ?? "unknown";
  try {
    await consumeSignUp(db, ip);
    const user = await createLocalAccount(db, { ...parsed.data, locale: await getLocale(), ip });
    // The account works at once, but its address counts as verified (domain join, SSO linking)
    // only after the link in this mail is followed.
    await sendVerificationEmail(db, user, await requestOrigin());
  } catch (err) {
    if (err instanceof ThrottledError) return { error: "rate_limited", values };
    if (err instanceof AppError && err.code === "conflict") return { fields: { email: "emailTaken" }, values };
    throw err;
  }
  const next = safeCallbackUrl(parsed.data.invitation ? `/invite/${encodeURIComponent(parsed.data.invitation)}` : "/");
  await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: next });
}
