// Auth.js endpoints: /api/auth/csrf, /providers, /callback/{credentials,oidc}, /session, /signout…
// Next's custom server hands route handlers a URL built on "localhost", whatever host the browser
// used; Auth.js would then build the OIDC redirect_uri and its redirects on localhost (the browser
// leaves 127.0.0.1 half-way, the code exchange fails with invalid_grant). Rebuild the URL on the
// request's own origin (or AUTH_URL) first.
import { NextRequest } from "next/server";
import { handlers } from "@/auth";
import { originFromHeaders } from "@/lib/server/origin";

function onRequestOrigin(req: NextRequest): NextRequest {
  const origin = originFromHeaders(req.headers);
  // Compare req.url itself (what Auth.js reads): nextUrl already follows the Host header.
  const current = new URL(req.url);
  if (current.origin === origin) return req;
  return new NextRequest(new URL(current.pathname + current.search, origin), req);
}

export const GET = (req: NextRequest) => handlers.GET(onRequestOrigin(req));
export const POST = (req: NextRequest) => handlers.POST(onRequestOrigin(req));
