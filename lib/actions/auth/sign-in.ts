"use server";
// Sign-in form actions. Auth.js performs the check (credentials provider) and sets the cookie.
import { AuthError } from "next-auth";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { z } from "zod";
import { signIn } from "@/auth";

const ZCallback = z
  .string()
  .max(500)
  .refine((v) => v.startsWith("/") && !v.startsWith("//"), "local path only")
  .catch("/");

export type SignInState = { error?: "invalid" | "rate_limited" } | undefined;

export async function signInWithPassword(_prev: SignInState, form: FormData): Promise<SignInState> {
  try {
    await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirectTo: ZCallback.parse(form.get("callbackUrl") ?? "/"),
    });
  } catch (err) {
    if (isRedirectError(err)) throw err;
    if (err instanceof AuthError) {
      return { error: (err as AuthError & { code?: string }).code === "rate_limited" ? "rate_limited" : "invalid" };
    }
    throw err;
  }
}

export async function signInWithSso(form: FormData): Promise<void> {
  await signIn("oidc", { redirectTo: ZCallback.parse(form.get("callbackUrl") ?? "/") });
}
