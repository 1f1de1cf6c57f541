// App messages (MessageType.app, server → client) for a stock y-websocket WebsocketProvider
// (browser-safe). The server sends them through the live-documents port's `broadcast`; see
// docs/collab-protocol.md. Best effort: not stored, not replayed after a reconnect.
import * as decoding from "lib0/decoding";
import type { WebsocketProvider } from "y-websocket";
import { MessageType } from "../protocol";

export type ReceivedAppMessage = { type: string } & Record<string, unknown>;

/** Calls `handler` with every app message on this provider; returns the unsubscribe function. */
export function onAppMessage(provider: WebsocketProvider, handler: (message: ReceivedAppMessage) => void): () => void {
  const handlers = ((provider as unknown as { __appMessageHandlers?: Set<(m: ReceivedAppMessage) => void> }).__appMessageHandlers ??= new Set());
  handlers.add(handler);
  provider.messageHandlers[MessageType.app] = (_encoder, decoder) => {
    let message: unknown;
    try {
      message = JSON.parse(decoding.readVarString(decoder));
    } catch {
      return;
    }
    if (!message || typeof message !== "object" || typeof (message as { type?: unknown }).type !== "string") return;
    for (const h of [...handlers]) h(message as ReceivedAppMessage);
  };
  return () => {
    handlers.delete(handler);
  };
}
