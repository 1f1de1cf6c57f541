// The origin the browser reached us on: AUTH_URL when set, else the request's Host (server.ts drops
// X-Forwarded-Host/-Proto unless TRUST_PROXY=1, so only a trusted proxy can set them). Links we
// hand out (OIDC redirect, invitation, reset, verification) use it: the app works on any host.

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/** `proto://host[:port]` for these request headers (no trailing slash). */
export function originFromHeaders(headers: Headers): string {
  const configured = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  // Behind a trusted proxy its X-Forwarded-Host wins; otherwise server.ts's copy of the Host header.
  const forwarded = process.env.TRUST_PROXY === "1" ? headers.get("x-forwarded-host") : null;
  const rawHost = (forwarded ?? headers.get("x-journeyboard-host") ?? headers.get("x-forwarded-host") ?? headers.get("host") ?? "").split(",")[0].trim();
  const host = HOST.test(rawHost) ? rawHost : "localhost";
  const proto = (headers.get("x-forwarded-proto") ?? "http").split(",")[0].trim() === "https" ? "https" : "http";
  return `${proto}://${host}`;
}
