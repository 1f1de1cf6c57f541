// Next 16 proxy: security headers on every response (CSP with a per-request nonce), and an
// optimistic redirect to sign-in when there is no session cookie at all.
// Never the security check — every page, action and handler authorises on its own (the JWT
// callback drops sessions whose version was bumped or that sat idle).
import { NextResponse, type NextRequest } from "next/server";
import { createNonce, securityHeaders } from "@/lib/server/security-headers";

const PUBLIC = [/^\/s\//, /^\/sign-in/, /^\/sign-up/, /^\/forgot-password/, /^\/reset-password\//, /^\/verify-email\//, /^\/invite\//, /^\/unsubscribe/, /^\/api\//, /^\/_next\//, /^\/favicon/, /^\/(icon[\w-]*|apple-touch-icon)\.(png|svg)$/, /^\/manifest\.webmanifest$/];

/** The SSO provider's origin: the SSO sign-in form redirects there (form-action). */
function oidcOrigin(): string[] {
  try {
    return process.env.AUTH_OIDC_ISSUER ? [new URL(process.env.AUTH_OIDC_ISSUER).origin] : [];
  } catch {
    return [];
  }
}

function isHttps(request: NextRequest): boolean {
  if (request.nextUrl.protocol === "https:") return true;
  // Behind a TLS-terminating proxy, only when we were told to trust it.
  return process.env.TRUST_PROXY === "1" && request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const nonce = createNonce();
  const headers = securityHeaders({
    nonce,
    host: request.headers.get("host"),
    https: isHttps(request),
    dev: process.env.NODE_ENV === "development",
    formOrigins: oidcOrigin(),
  });
  // Share links are opened without an account and must never be indexed (the page also says so in
  // its robots meta; the header covers non-HTML answers such as the 404 of a revoked link).
  const isShareLink = /^\/s\//.test(pathname);
  const withHeaders = (response: NextResponse) => {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    if (isShareLink) {
      response.headers.set("X-Robots-Tag", "noindex, nofollow, noarchive");
      response.headers.set("Referrer-Policy", "no-referrer");
    }
    return response;
  };

  const hasSession = request.cookies.getAll().some((c) => c.name.startsWith("authjs.session-token") || c.name.startsWith("__Secure-authjs.session-token"));
  if (!PUBLIC.some((p) => p.test(pathname)) && !hasSession) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return withHeaders(NextResponse.redirect(url));
  }
  // Next.js reads the nonce from the request's CSP header while rendering and puts it on its scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", headers["Content-Security-Policy"]);
  requestHeaders.set("x-nonce", nonce);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }));
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico|icon|apple-touch-icon|manifest.webmanifest).*)"] };
