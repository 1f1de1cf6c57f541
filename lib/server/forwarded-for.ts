// X-Forwarded-For parsing shared by actions (next/headers) and route handlers (Request).

/** The rightmost (last untrusted) hop of an X-Forwarded-For value: the one our own proxy (or server.ts) wrote. */
export function clientIpFromForwardedFor(value: string | null | undefined): string | null {
  const hops = (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return hops.at(-1) ?? null;
}
