// Security headers for every page and API response (set in proxy.ts, which runs before each
// request). The Content-Security-Policy carries a fresh nonce per request; Next.js reads it from
// the request's CSP header and puts it on its own scripts. Pages are rendered per request anyway
// (they read the session and the locale cookie), so every page gets a nonce.

export type SecurityHeaderOptions = {
  /** A fresh, unguessable value per request (base64). */
  nonce: string;
  /** Host the browser reached us on (`Host` header): WebSockets to /collab go there. */
  host: string | null;
  /** Served over https (directly, or behind a TLS-terminating proxy we trust). */
  https: boolean;
  /** `next dev`: React needs eval for its debugging aids there. */
  dev: boolean;
  /** Origins forms may be sent to besides ours (the SSO provider, whose sign-in we redirect to). */
  formOrigins?: string[];
};

/** `Host` values that may appear in a CSP source expression (anything else is left out). */
const SAFE_HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/** The Content-Security-Policy value. */
export function contentSecurityPolicy({ nonce, host, https, dev, formOrigins = [] }: SecurityHeaderOptions): string {
  const sockets = host && SAFE_HOST.test(host) ? ` ws://${host} wss://${host}` : "";
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by the nonce'd Next.js runtime may load further chunks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React `style={…}` attributes (Recharts, map layout) are inline styles; a nonce cannot cover
    // attributes and would switch 'unsafe-inline' off, so styles allow inline without a nonce.
    "style-src 'self' 'unsafe-inline'",
    // Avatars: uploaded images from our API, generated ones as data:/blob: URLs.
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // The sync socket (/collab) and, in development, the HMR socket: same host only.
    `connect-src 'self'${sockets}`,
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${formOrigins.map((o) => ` ${o}`).join("")}`,
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** Every security header for a response (CSP included). */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(options),
    // Browsers without frame-ancestors support.
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    // Map and invitation URLs carry ids and tokens: other sites get our origin at most.
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  // HSTS only over https: on plain http it would be ignored, and on a LAN address it would lock
  // users out of an http-only deployment if it were ever honoured.
  if (options.https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

/** A fresh nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
