// "Saved" indicator for a stock y-websocket WebsocketProvider (browser-safe: no Node imports).
//
// The server numbers the write messages (sync step 2 and updates) it receives on a connection and,
// once they are durably stored, answers with MessageType.stored / ack carrying that count. This
// helper counts the write messages the provider sends on the same connection — one per local
// Yjs update while connected, plus one sync step 2 per server sync step 1 — and compares.
// Counters restart with every connection; edits made offline travel in the step 2 that answers
// the server's step 1 after reconnecting, so they are covered too. See docs/collab-protocol.md.
import * as decoding from "lib0/decoding";
import type { WebsocketProvider } from "y-websocket";
import { MessageType, STORED_FLAG_READ_ONLY, StoredType, SyncType, encodeStoredSubscribe } from "../protocol";

export type SaveStatus = "saved" | "saving" | "offline";

export type StoredAckTracker = {
  /** "offline" while not connected, "saving" while sent edits are not yet acknowledged, else "saved". */
  readonly status: SaveStatus;
  /** Whether the server treats this connection as read-only (a viewer: edits are dropped, not saved). */
  readonly readOnly: boolean;
  /** Calls `cb` with every status change (not with the current status); returns the unsubscribe function. */
  onStatusChange(cb: (status: SaveStatus) => void): () => void;
  /** Detaches from the provider (restores its sync handler). */
  destroy(): void;
};

type Handler = WebsocketProvider["messageHandlers"][number];

/**
 * Attaches the tracker to a provider. Attach it before the provider connects (`connect: false`,
 * then `provider.connect()`); attached to an open connection it reconnects once so that both
 * sides count from zero.
 */
export function attachStoredAck(provider: WebsocketProvider): StoredAckTracker {
  let sent = 0;
  let acked = 0;
  let readOnly = false;
  let status: SaveStatus = "offline";
  let destroyed = false;
  const listeners = new Set<(s: SaveStatus) => void>();

  const update = () => {
    const next: SaveStatus = !provider.wsconnected ? "offline" : acked >= sent ? "saved" : "saving";
    if (next === status) return;
    status = next;
    for (const cb of [...listeners]) cb(next);
  };

  // Count the sync step 2 the provider writes in answer to each server sync step 1.
  const originalSync: Handler = provider.messageHandlers[MessageType.sync];
  const countingSync: Handler = (encoder, decoder, p, emitSynced, messageType) => {
    const syncType = decoding.readVarUint(decoding.clone(decoder));
    originalSync(encoder, decoder, p, emitSynced, messageType);
    if (syncType === SyncType.step1) {
      sent++;
      update();
    }
  };
  provider.messageHandlers[MessageType.sync] = countingSync;

  provider.messageHandlers[MessageType.stored] = (_encoder, decoder) => {
    if (decoding.readVarUint(decoder) !== StoredType.ack) return;
    acked = Math.max(acked, decoding.readVarUint(decoder));
    readOnly = decoding.hasContent(decoder) ? (decoding.readVarUint(decoder) & STORED_FLAG_READ_ONLY) !== 0 : false;
    update();
  };

  // The provider sends a local update over the socket exactly when it is connected and the update
  // did not come from the provider itself (see y-websocket's _updateHandler / broadcastMessage).
  const onDocUpdate = (_update: Uint8Array, origin: unknown) => {
    const ws = provider.ws;
    if (origin !== provider && provider.wsconnected && ws && ws.readyState === 1) {
      sent++;
      update();
    }
  };
  provider.doc.on("update", onDocUpdate);

  const onStatus = ({ status: s }: { status: "connected" | "disconnected" | "connecting" }) => {
    if (s === "connected") {
      sent = 0;
      acked = 0;
      // Emitted from the socket's open handler: the socket is open and this goes out first.
      provider.ws?.send(encodeStoredSubscribe());
    }
    update();
  };
  provider.on("status", onStatus);

  if (provider.wsconnected) {
    provider.disconnect();
    provider.connect();
  }
  update();

  return {
    get status() {
      return status;
    },
    get readOnly() {
      return readOnly;
    },
    onStatusChange(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      if (provider.messageHandlers[MessageType.sync] === countingSync) provider.messageHandlers[MessageType.sync] = originalSync;
      delete provider.messageHandlers[MessageType.stored];
      provider.doc.off("update", onDocUpdate);
      provider.off("status", onStatus);
      listeners.clear();
    },
  };
}
