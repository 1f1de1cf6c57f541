"use server";
// Language switch: remembered in a cookie (works before sign-in) and on the account when signed in.
import { cookies } from "next/headers";
import { eq } from "drizzle-orm";
import { auth } from "@/lib/auth/config";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";

export async function setLocaleAction(locale: string): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  const session = await auth();
  if (session?.user?.id) {
    const db = await getDb();
    await db.update(users).set({ locale }).where(eq(users.id, session.user.id));
  }
}
