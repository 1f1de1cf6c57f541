// Wire format: the y-websocket protocol (sync, awareness) plus our "stored" acknowledgement
// (docs/collab-protocol.md). Browser-safe: the client helper imports the constants from here.
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";

export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** Journeyboard extension: "your edits are stored up to here" (see docs/collab-protocol.md). */
  stored: 100,
  /**
   * Journeyboard extension, server → client: an app message (varString JSON `{type, …}`, e.g. "a
   * comment was written"), see docs/collab-protocol.md. Sent only to connections that subscribed to
   * stored acknowledgements (our client), so stock providers never see a type they do not know.
   */
  app: 101,
} as const;



export const SyncType = {
  step1: syncProtocol.messageYjsSyncStep1,
  step2: syncProtocol.messageYjsSyncStep2,
  update: syncProtocol.messageYjsUpdate,
} as const;

/** Sub-types of MessageType.stored. */
export const StoredType = {
  /** client → server: "send me stored acknowledgements on this connection". */
  subscribe: 0,
  /** server → client: `seq` (varUint) write messages of this connection are stored; `flags` (varUint). */
  ack: 1,
} as const;

/** Bit in the ack's flags: this connection is read-only (its writes are dropped, not stored). */
export const STORED_FLAG_READ_ONLY = 1;

export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep1);
  encoding.writeVarUint8Array(e, stateVector);
  return encoding.toUint8Array(e);
}

/** Sync step 2 from an already encoded diff (Y.encodeStateAsUpdate(doc, stateVector)). */
export function encodeSyncStep2(diff: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  encoding.writeVarUint(e, SyncType.step2);
  encoding.writeVarUint8Array(e, diff);
  return encoding.toUint8Array(e);
}

export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.awareness);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

export function encodeStoredAck(seq: number, readOnly: boolean): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.stored);
  encoding.writeVarUint(e, StoredType.ack);
  encoding.writeVarUint(e, seq);
  encoding.writeVarUint(e, readOnly ? STORED_FLAG_READ_ONLY : 0);
  return encoding.toUint8Array(e);
}

export function encodeAppMessage(message: unknown): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.app);
  encoding.writeVarString(e, JSON.stringify(message));
  return encoding.toUint8Array(e);
}

export function encodeStoredSubscribe(): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.stored);
  encoding.writeVarUint(e, StoredType.subscribe);
  return encoding.toUint8Array(e);
}

/** An app message for the clients of a document (LiveDocuments.broadcast). */
