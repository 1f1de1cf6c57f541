// Where to send the browser after sign-in, sign-up or an invitation: only ever a path on this
// site. Browsers read `\` as `/`, drop tabs and newlines inside URLs and resolve `//host` as
// another site, so a plain "starts with /" check lets `/\evil.example` through (an open redirect).

const PROBE_ORIGIN = "http://journeyboard.invalid";
const MAX_LENGTH = 2000;

/**
 * A callback or redirect target reduced to a local path (`/path?query#hash`), or `fallback`.
 * Absolute URLs are accepted only for `baseUrl`'s own origin (Auth.js passes those), and come back
 * as the path alone. Everything else — other hosts, `//`, `/\`, `javascript:`, control characters,
 * encoded tricks that resolve elsewhere — gives `fallback`.
 */
export function safeCallbackUrl(raw: unknown, baseUrl?: string, fallback = "/"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > MAX_LENGTH) return fallback;
  // Control characters (tab/CR/LF are stripped by URL parsers, so "/\t/evil" would become "//evil") and backslashes.
  if (/[\u0000-\u001f\u007f\\]/.test(raw)) return fallback;

  let base: URL | null = null;
  if (baseUrl) {
    try {
      base = new URL(baseUrl);
    } catch {
      base = null;
    }
  }
  let parsed: URL;
  if (raw.startsWith("/")) {
    if (raw.startsWith("//")) return fallback;
    try {
      parsed = new URL(raw, PROBE_ORIGIN);
    } catch {
      return fallback;
    }
    if (parsed.origin !== PROBE_ORIGIN) return fallback;
  } else {
    // Absolute: same origin as the app only (relative paths without a leading slash are refused too).
    if (!base) return fallback;
    try {
      parsed = new URL(raw);
    } catch {
      return fallback;
    }
    if (parsed.origin !== base.origin || parsed.username || parsed.password) return fallback;
  }
  const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  // Dot segments can normalise "/.//evil" into "//evil": check the result, not only the input.
  if (!path.startsWith("/") || path.startsWith("//")) return fallback;
  // Percent-encoded slashes or backslashes at the start of the path decode into the same trick
  // in some servers and proxies; nothing of ours lives there, so refuse them.
  if (/^\/(%2f|%5c)/i.test(path)) return fallback;
  return path;
}
