// Next 16 proxy: an optimistic redirect to sign-in when there is no session cookie at all.
// Never the security check — every page, action and handler authorises on its own (the JWT
// callback drops sessions whose version was bumped or that sat idle).
import { NextResponse, type NextRequest } from "next/server";

const PUBLIC = [/^\/sign-in/, /^\/sign-up/, /^\/forgot-password/, /^\/reset-password\//, /^\/verify-email\//, /^\/invite\//, /^\/api\//, /^\/_next\//, /^\/favicon/];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC.some((p) => p.test(pathname))) return NextResponse.next();
  const hasSession = request.cookies.getAll().some((c) => c.name.startsWith("authjs.session-token") || c.name.startsWith("__Secure-authjs.session-token"));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
