// App messages (type 101) for a stock y-websocket WebsocketProvider (browser-safe): the server
// sends application events about the open document (e.g. "a comment was written") on the same
// connection, as JSON. See docs/collab-protocol.md. Registered next to the stored-ack helper,
// whose subscribe message is what tells the server this client understands type 101.
import * as decoding from "lib0/decoding";
import type { WebsocketProvider } from "y-websocket";
import { MessageType } from "../protocol";

export type AppMessages = {
  /** Calls `cb` with every event's parsed JSON; returns the unsubscribe function. */
  on(cb: (payload: unknown) => void): () => void;
  destroy(): void;
};

export function attachAppMessages(provider: WebsocketProvider): AppMessages {
  const listeners = new Set<(payload: unknown) => void>();
  provider.messageHandlers[MessageType.app] = (_encoder, decoder) => {
    let payload: unknown;
    try {
      payload = JSON.parse(decoding.readVarString(decoder));
    } catch {
      return;
    }
    for (const cb of [...listeners]) cb(payload);
  };
  return {
    on(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    destroy() {
      delete provider.messageHandlers[MessageType.app];
      listeners.clear();
    },
  };
}
