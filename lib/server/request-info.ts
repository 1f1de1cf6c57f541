// Facts about the current request for server actions: the client's IP (audit log) and the origin
// the user reached us on (links we hand out, e.g. invitations).
import "server-only";
import { headers } from "next/headers";

/** The client IP as the proxy or socket reports it, or null. */
export async function requestIp(): Promise<string | null> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
}

/** `https://host` as the browser sees it (honours X-Forwarded-Proto/Host behind a proxy). */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}
