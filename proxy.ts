// Next 16 proxy: an optimistic redirect to sign-in without a live session. Never the security
// check — every page, action and handler authorises on its own. For pages it also renews the
// session cookie (Auth.js re-issues it), which makes the session's lifetime an IDLE timeout,
// and it drops sessions ended elsewhere (sign out everywhere) at the next navigation.
import { NextResponse, type NextRequest } from "next/server";
import { auth } from "@/auth";

const PUBLIC = [/^\/sign-in/, /^\/sign-up/, /^\/forgot-password/, /^\/reset-password\//, /^\/verify-email\//, /^\/invite\//, /^\/api\//, /^\/_next\//, /^\/favicon/];

const withSession = auth((request) => {
  if (request.auth?.user) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
});

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (PUBLIC.some((p) => p.test(pathname))) return NextResponse.next();
  const hasSession = request.cookies.getAll().some((c) => c.name.startsWith("authjs.session-token") || c.name.startsWith("__Secure-authjs.session-token"));
  if (!hasSession) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + request.nextUrl.search)}`;
    return NextResponse.redirect(url);
  }
  return (withSession as unknown as (req: NextRequest, ctx: unknown) => Promise<Response>)(request, {});
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
