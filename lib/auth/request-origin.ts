// Next's custom server hands route handlers a URL built on "localhost", whatever host the browser
// used; Auth.js would then build the OIDC redirect_uri and its redirects on localhost (the browser
// leaves 127.0.0.1 half-way, the code exchange fails with invalid_grant). Rebuild the URL on the
// request's own origin first — as a plain Request: a NextRequest's url goes through NextURL, which
// rewrites 127.x.x.x and [::1] to "localhost", so a NextRequest can never carry 127.0.0.1.
import type { NextRequest } from "next/server";
import { originFromHeaders } from "@/lib/server/origin";

export function onRequestOrigin(req: NextRequest): NextRequest {
  // With AUTH_URL, next-auth rebuilds the URL on it itself (reqWithEnvURL, which needs req.nextUrl).
  if (process.env.AUTH_URL ?? process.env.NEXTAUTH_URL) return req;
  const origin = originFromHeaders(req.headers);
  // Compare req.url itself (what Auth.js reads).
  const current = new URL(req.url);
  if (current.origin === origin) return req;
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const init: RequestInit & { duplex?: "half" } = {
    method: req.method,
    headers: req.headers,
    body: hasBody ? req.body : undefined,
    signal: req.signal,
    ...(hasBody ? { duplex: "half" } : {}),
  };
  // Auth.js reads only url, method, headers and body; nextUrl is used by next-auth with AUTH_URL alone (returned above).
  return new Request(new URL(current.pathname + current.search, origin), init) as NextRequest;
}
