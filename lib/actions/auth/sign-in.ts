"use server";
// Sign-in form actions. Auth.js performs the check (credentials provider) and sets the cookie.
import { AuthError } from "next-auth";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { z } from "zod";
import { signIn } from "@/lib/auth/config";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

// Only ever a path on this site (an open redirect otherwise): see safe-callback-url.ts.
const ZCallback = z.unknown().transform((v) => safeCallbackUrl(v));

/** `email` is echoed back so the form keeps it after a failed attempt (React resets forms after an action). */
export type SignInState = { error?: "invalid" | "rate_limited"; email?: string } | undefined;

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
      const email = String(form.get("email") ?? "").slice(0, 254);
      return { error: (err as AuthError & { code?: string }).code === "rate_limited" ? "rate_limited" : "invalid", email };
    }
    throw err;
  }
}

export async function signInWithSso(form: FormData): Promise<void> {
  await signIn("oidc", { redirectTo: ZCallback.parse(form.get("callbackUrl") ?? "/") });
}
