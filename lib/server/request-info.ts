// Facts about the current request for server actions: the client's IP (audit log) and the origin
// the user reached us on (links we hand out, e.g. invitations).
import "server-only";
import { headers } from "next/headers";
import { clientIpFromForwardedFor } from "./forwarded-for";
import { originFromHeaders } from "./origin";

/**
 * The client IP, or null. server.ts replaces X-Forwarded-For with the socket address unless
 * TRUST_PROXY=1; behind a trusted proxy the RIGHTMOST entry is the one that proxy appended — the
 * entries to its left were sent by the client and can say anything.
 */
export async function requestIp(): Promise<string | null> {
  const h = await headers();
  return clientIpFromForwardedFor(h.get("x-forwarded-for"));
}



/** `proto://host` as the browser sees it (AUTH_URL when set; see lib/server/origin.ts). */
export async function requestOrigin(): Promise<string> {
  return originFromHeaders(await headers());
}
