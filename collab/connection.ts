// One client socket: decodes every message defensively, enforces role and rate limits, hands
// accepted updates to its room, and acknowledges stored writes. Anything malformed closes this
// connection only (with a close code from close-codes.ts) and is logged.
import * as decoding from "lib0/decoding";
import * as awarenessProtocol from "y-protocols/awareness";
import type { WebSocket } from "ws";
import * as Y from "yjs";
import { CloseCode, type CloseCodeValue } from "./close-codes";
import { TokenBucket, type CollabLimits } from "./limits";
import type { Logger } from "./logger";
import type { Metrics } from "./metrics";
import { decodeAwarenessUpdate, encodeAwarenessEntries, stampState, type AwarenessEntry, type PresenceIdentity } from "./presence";
import {
  MessageType, StoredType, SyncType, encodeAwareness, encodeStoredAck, encodeSyncStep1, encodeSyncStep2,
} from "./protocol";
import type { Room } from "./rooms";

export type ConnectionContext = {
  userId: string;
  workspaceId: string;
  readOnly: boolean;
  via: "session" | "token" | "share";
  tokenId?: string;
  /** Session connections: the cookie's session version and expiry (ms); the access re-check closes stale ones. */
  sessionVersion?: number;
  sessionExpiresAt?: number | null;
  /** Stamped on every awareness state of this connection (presence.ts). */
  identity: PresenceIdentity;
  /** The share link of an anonymous viewer (never writable, re-checked against the link). */
  shareLinkId?: string;
  /** Send no awareness (member names) to this connection and take none from it. */
  hideAwareness?: boolean;
};

type ConnectionDeps = {
  limits: CollabLimits;
  metrics: Metrics;
  logger: Logger;
  /** Called once when the connection ends (by either side). */
  onClosed: (conn: Connection) => void;
};

/** Thrown for input that violates the protocol; turns into close code 4400. */
class BadMessage extends Error {}

// Awareness states are JSON chosen by clients and re-encoded for every peer: bound their nesting
// so that encoding them (recursive) can never overflow the stack.
const MAX_AWARENESS_DEPTH = 32;

let nextId = 1;

export class Connection {
  readonly id = nextId++;
  readonly userId: string;
  readonly workspaceId: string;
  readonly via: "session" | "token" | "share";
  readonly tokenId?: string;
  readonly sessionVersion?: number;
  readonly sessionExpiresAt?: number | null;
  readonly identity: PresenceIdentity;
  readonly shareLinkId?: string;
  readonly hideAwareness: boolean;
  /** Awareness client ids this connection has set (removed from the room when it closes). */
  readonly awarenessIds = new Set<number>();
  private _readOnly: boolean;
  private closed = false;
  private alive = true;
  /** Write messages (sync step 2 / update) received, and how many of them are stored. */
  private writesReceived = 0;
  private writesStored = 0;
  private acksEnabled = false;
  private droppedAwareness = 0;
  private readonly messages: TokenBucket;
  private readonly updates: TokenBucket;
  private readonly awarenessRate: TokenBucket;

  constructor(
    private readonly ws: WebSocket,
    readonly room: Room,
    ctx: ConnectionContext,
    private readonly deps: ConnectionDeps,
  ) {
    this.userId = ctx.userId;
    this.workspaceId = ctx.workspaceId;
    this.via = ctx.via;
    this.tokenId = ctx.tokenId;
    this.sessionVersion = ctx.sessionVersion;
    this.sessionExpiresAt = ctx.sessionExpiresAt;
    this.identity = ctx.identity;
    this.shareLinkId = ctx.shareLinkId;
    this.hideAwareness = ctx.hideAwareness ?? false;
    this._readOnly = ctx.readOnly;
    const { limits } = deps;
    this.messages = new TokenBucket(limits.messageBurst, limits.messagesPerSecond);
    this.updates = new TokenBucket(limits.updateBurst, limits.updatesPerSecond);
    this.awarenessRate = new TokenBucket(limits.awarenessBurst, limits.awarenessPerSecond);
    ws.on("message", (data, isBinary) => this.onMessage(data, isBinary));
    ws.on("close", () => this.ended());
    ws.on("error", (err) => {
      // `ws` reports oversized frames (maxPayload) here and closes with 1009 itself.
      this.deps.metrics.counters.protocolErrors++;
      this.deps.logger.warn("socket_error", this.logFields({ error: err }));
      this.ended();
    });
    ws.on("pong", () => {
      this.alive = true;
    });
  }

  get readOnly(): boolean {
    return this._readOnly;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Whether this is our client (it subscribed to stored acks): it understands app messages (type 101). */
  get wantsAppMessages(): boolean {
    return this.acksEnabled;
  }

  /** Opens the conversation: ask for the client's state (editors only), share who is here. */
  start(): void {
    if (!this._readOnly) this.send(encodeSyncStep1(this.room.encodeStateVector()));
    const states = this.room.awareness.getStates();
    if (states.size > 0) {
      this.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, [...states.keys()])));
    }
  }

  /** Role change on an open connection: viewers' writes are dropped from the next message on. */
  setReadOnly(readOnly: boolean): void {
    if (this._readOnly === readOnly || this.closed) return;
    if (this.shareLinkId && !readOnly) return; // a share link never writes
    this._readOnly = readOnly;
    this.deps.logger.info("role_changed", this.logFields({ readOnly }));
    // A promoted viewer may hold edits the server never took: ask for its state.
    if (!readOnly) this.send(encodeSyncStep1(this.room.encodeStateVector()));
    if (this.acksEnabled) this.send(encodeStoredAck(this.writesStored, this._readOnly));
  }

  send(message: Uint8Array): void {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    // Awareness carries member names: a share link without "show names" never receives it.
    if (this.hideAwareness && message[0] === MessageType.awareness) return;
    if (this.ws.bufferedAmount > this.deps.limits.maxBufferedBytes) {
      this.close(CloseCode.tryAgainLater, "too slow");
      return;
    }
    // Write errors surface as the socket's "error"/"close" events; no per-message callback needed.
    this.ws.send(message, { binary: true });
  }

  /** Closes with a code; the room forgets the connection at once (no relays to a closing socket). */
  close(code: CloseCodeValue, reason: string): void {
    if (this.closed) return;
    try {
      this.ws.close(code, reason);
    } catch {
      this.ws.terminate();
    }
    this.ended();
  }

  /** Liveness: called on every ping round; a connection that did not answer the last ping is dropped. */
  ping(): void {
    if (this.closed) return;
    if (!this.alive) {
      this.deps.logger.info("ping_timeout", this.logFields());
      this.ws.terminate();
      this.ended();
      return;
    }
    this.alive = false;
    try {
      this.ws.ping();
    } catch {
      this.ended();
    }
  }

  private ended(): void {
    if (this.closed) return;
    this.closed = true;
    this.deps.onClosed(this);
  }

  private onMessage(data: unknown, isBinary: boolean): void {
    if (this.closed) return;
    if (!isBinary) return this.reject(CloseCode.badMessage, "text frame");
    const buf = toBytes(data);
    if (buf.byteLength > this.deps.limits.maxMessageBytes) return this.reject(CloseCode.messageTooBig, "message too big");
    if (!this.messages.take()) return this.reject(CloseCode.rateLimited, "message flood");
    try {
      this.handle(buf);
    } catch (err) {
      this.reject(CloseCode.badMessage, err instanceof BadMessage ? err.message : "malformed message", err);
    }
  }

  private handle(buf: Uint8Array): void {
    const decoder = decoding.createDecoder(buf);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync: {
        const syncType = decoding.readVarUint(decoder);
        if (syncType === SyncType.step1) return this.onSyncStep1(decoding.readVarUint8Array(decoder));
        if (syncType === SyncType.step2 || syncType === SyncType.update) return this.onWrite(decoding.readVarUint8Array(decoder));
        throw new BadMessage(`unknown sync message ${syncType}`);
      }
      case MessageType.awareness:
        return this.onAwareness(decoding.readVarUint8Array(decoder));
      case MessageType.queryAwareness: {
        if (!this.awarenessRate.take()) return this.dropAwareness("query rate");
        const states = this.room.awareness.getStates();
        this.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, [...states.keys()])));
        return;
      }
      case MessageType.stored: {
        const sub = decoding.readVarUint(decoder);
        if (sub !== StoredType.subscribe) throw new BadMessage(`unknown stored message ${sub}`);
        this.acksEnabled = true;
        this.send(encodeStoredAck(this.writesStored, this._readOnly));
        return;
      }
      default:
        // Includes MessageType.auth: only servers send it.
        throw new BadMessage(`unexpected message type ${type}`);
    }
  }

  private onSyncStep1(stateVector: Uint8Array): void {
    // Validate first, so garbage closes the connection right away.
    Y.decodeStateVector(stateVector);
    const answer = () => {
      if (this.closed || this.room.isClosed) return;
      this.send(encodeSyncStep2(this.room.encodeDiff(stateVector)));
    };
    // Only stored state is sent: while a write applied to the live doc is being stored, the
    // answer is built from the stored part (Room.encodeDiff).
    answer();
  }

  private onWrite(update: Uint8Array): void {
    const seq = ++this.writesReceived;
    if (this._readOnly) {
      // Viewers: never applied, relayed or stored — but acknowledged, so their UI does not hang on "saving".
      if (!isEmptyUpdate(update)) {
        this.deps.metrics.counters.droppedMessages++;
        this.deps.logger.debug("viewer_write_dropped", this.logFields({ bytes: update.byteLength }));
      }
      this.ackWhenStored(seq);
      return;
    }
    if (!this.updates.take()) return this.reject(CloseCode.rateLimited, "too many updates");
    if (this.room.approxBytes + update.byteLength > this.deps.limits.maxDocumentBytes) {
      return this.reject(CloseCode.documentTooLarge, "document too large");
    }
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    try {
      // Structural validation before storing: garbage never reaches the log or the live document.
      decoded = Y.decodeUpdate(update);
    } catch (err) {
      return this.reject(CloseCode.badMessage, "undecodable update", err);
    }
    // A sync step 2 from a client without news: nothing to store.
    if (decoded.structs.length > 0 || decoded.ds.clients.size > 0) {
      // Refused (it would not integrate): only this connection closes; nothing was stored or relayed.
      // Incomplete (it needs changes the server lacks): a transient close, the client resyncs.
      const outcome = this.room.acceptClientUpdate(update, this);
      if (outcome === "refused") return this.reject(CloseCode.badMessage, "update failed to apply");
      if (outcome === "incomplete") return this.reject(CloseCode.tryAgainLater, "update depends on unknown changes; resync");
    }
    this.ackWhenStored(seq);
  }

  private ackWhenStored(seq: number): void {
    void this.room.whenStored().then(() => {
      if (this.closed || seq <= this.writesStored) return;
      this.writesStored = seq;
      if (this.acksEnabled) this.send(encodeStoredAck(seq, this._readOnly));
    });
  }

  private onAwareness(update: Uint8Array): void {
    // An anonymous share viewer has no presence to announce (and must not pose as a member).
    if (this.shareLinkId) return;
    // Stock clients echo every awareness change they receive back to the server (y-websocket's
    // provider re-broadcasts all changed client ids). Entries that are not newer than what the room
    // knows are such echoes: harmless no-ops, neither rate-limited nor counted as dropped.
    const accepted: AwarenessEntry[] = [];
    let claims = 0;
    let refused: string | null = null;
    for (const entry of decodeAwarenessUpdate(update)) {
      const { clientId, clock, state } = entry;
      if (!withinDepth(state, MAX_AWARENESS_DEPTH)) throw new BadMessage("awareness state nested too deeply");
      const known = this.room.awareness.meta.get(clientId)?.clock;
      if (known !== undefined && clock <= known) continue; // echo
      const owned = this.awarenessIds.has(clientId);
      // Someone else's presence (another connection here, or another instance): neither taken
      // over nor removed. Stock clients also send such removals innocently (their 30 s timeout).
      if (!owned && (this.room.awarenessOwner.has(clientId) || this.room.awareness.getStates().has(clientId))) {
        refused = "foreign client id";
        continue;
      }
      if (state === null) {
        if (owned) accepted.push(entry);
        continue;
      }
      const stamped = stampState(state, this.identity);
      if (!stamped) {
        refused = "foreign identity";
        continue;
      }
      if (!owned) claims++;
      accepted.push({ clientId, clock, state: stamped });
    }
    if (refused) this.dropAwareness(refused);
    if (accepted.length === 0 || this.closed) return;
    if (this.awarenessIds.size + claims > this.deps.limits.maxAwarenessClientsPerConnection) return this.dropAwareness("too many clients");
    if (!this.awarenessRate.take()) return this.dropAwareness("rate");
    awarenessProtocol.applyAwarenessUpdate(this.room.awareness, encodeAwarenessEntries(accepted), this);
  }

  private dropAwareness(why: string): void {
    this.deps.metrics.counters.droppedMessages++;
    this.droppedAwareness++;
    if (this.droppedAwareness === 1 || this.droppedAwareness % 100 === 0) {
      this.deps.logger.debug("awareness_dropped", this.logFields({ why, dropped: this.droppedAwareness }));
    }
    if (this.droppedAwareness > this.deps.limits.maxDroppedAwareness) this.reject(CloseCode.rateLimited, "awareness flood");
  }

  private reject(code: CloseCodeValue, reason: string, err?: unknown): void {
    this.deps.metrics.counters.protocolErrors++;
    this.deps.logger.warn("connection_rejected_message", this.logFields({ code, reason, error: err }));
    this.close(code, reason);
  }

  logFields(extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { conn: this.id, doc: this.room.name, user: this.userId, ...extra };
  }
}

function toBytes(data: unknown): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return Buffer.concat(data as Buffer[]);
  throw new BadMessage("unsupported frame");
}

/** An update that changes nothing (what a client with no local edits sends as sync step 2). */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}

function withinDepth(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== "object") return true;
  if (depth === 0) return false;
  for (const v of Object.values(value as Record<string, unknown>)) if (!withinDepth(v, depth - 1)) return false;
  return true;
}
