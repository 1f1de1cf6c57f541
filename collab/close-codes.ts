// Every WebSocket close code the sync service uses, in one place (the client and the docs refer here).
//
// The stock y-websocket client treats 4400–4499 as permanent ("reconnecting cannot fix this") and
// every other code as transient (it reconnects with backoff). So: a decision about the caller
// (credentials, access, a misbehaving client) is 44xx; a condition that may pass (server busy,
// storage hiccup, shutdown) is 1xxx/45xx and the client comes back and resyncs on its own.

export const CloseCode = {
  /** Normal closure (the server unloads nothing by closing; used when a client is simply let go). */
  normal: 1000,
  /** The server is shutting down; the client reconnects (to this or another instance). */
  goingAway: 1001,
  /** A frame exceeded the maximum message size (also what `ws` itself sends for `maxPayload`). */
  messageTooBig: 1009,
  /** Something failed on the server (storing or loading the document); the client reconnects and resyncs. */
  internalError: 1011,
  /**
   * The client does not read fast enough (send buffer overflow), or sent an update that depends on
   * changes the server does not have (not stored; see Room.acceptClientUpdate); it reconnects and resyncs.
   */
  tryAgainLater: 1013,
  /** Malformed, truncated or unexpected protocol message. */
  badMessage: 4400,
  /** No valid session cookie or bearer token. */
  unauthenticated: 4401,
  /** Authenticated but not allowed: foreign Origin, malformed or unknown document, no membership, access removed. */
  forbidden: 4403,
  /** The update would grow the document beyond the maximum document size. */
  documentTooLarge: 4413,
  /** Too many messages (update flood) or too many open connections for this user. */
  rateLimited: 4429,
  /** The document already has the maximum number of connections; try again later. */
  documentFull: 4503,
} as const;

export type CloseCodeName = keyof typeof CloseCode;
export type CloseCodeValue = (typeof CloseCode)[CloseCodeName];

/** Whether the stock y-websocket client stops reconnecting after this code. */
export function isPermanentClose(code: number): boolean {
  return code >= 4400 && code < 4500;
}
