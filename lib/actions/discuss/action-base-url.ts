import "server-only";
import { headers } from "next/headers";
import { appBaseUrl } from "@/lib/notifications/app-url";

/** The base URL for links in e-mails triggered by a server action: AUTH_URL, else the host the user is on. */
export async function actionBaseUrl(): Promise<string> {
  const h = await headers();
  const host = h.get("host");
  const proto = h.get("x-forwarded-proto") === "https" ? "https" : "http";
  return appBaseUrl(host ? `${proto}://${host}` : null);
}
