// Recognises PostgreSQL's unique_violation (23505) on both drivers; drizzle wraps driver errors in `cause`.
export function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (e.code === "23505") return true;
  }
  return false;
}
