// Domain errors carry a stable code; actions and API handlers turn them into translated messages
// (actions) or `{"error": {"code", "message"}}` with an HTTP status (API).
export type ErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "invalid_input"
  | "conflict"
  | "too_large"
  | "rate_limited"
  | "last_owner"
  | "expired"
  | "already_used"
  | "wrong_account";

const STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 422,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  last_owner: 409,
  expired: 410,
  already_used: 409,
  wrong_account: 403,
};

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message?: string,
    /** Field-level problems, keyed by dotted path. */
    public readonly fields?: Record<string, string>,
  ) {
    super(message ?? code);
  }
  get status(): number {
    return STATUS[this.code];
  }
}
