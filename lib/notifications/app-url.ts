// The app's public base URL for links in e-mails: AUTH_URL when a deployment sets it (behind a
// proxy), else the origin the triggering request came to, else localhost on PORT.
export function appBaseUrl(requestOrigin?: string | null): string {
  const configured = process.env.AUTH_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "").replace(/\/api\/auth$/, "");
  if (requestOrigin) return requestOrigin.replace(/\/+$/, "");
  return `http://localhost:${process.env.PORT || 3000}`;
}

/** The origin of a request (scheme + host it came to). */
export function requestOrigin(request: Request): string {
  return new URL(request.url).origin;
}
