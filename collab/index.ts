// The /collab sync service: composition of the concerns in this folder and its public API.
//   admission.ts      bounded, first-come admission of upgrades (a reconnect storm queues, not collapses)
//   upgrade.ts        Origin, credentials, document → workspace, membership (before any document is touched)
//   connection.ts     per-socket protocol handling, roles, rate limits, stored acknowledgements
//   rooms.ts          live documents: shared loads, store-before-relay, compaction, idle unload
//   persistence.ts    update log with group commit, snapshot + log loading, compaction
//   presence.ts       awareness identity: the server stamps who a state belongs to
//   access-recheck.ts membership / token / document changes applied to open connections
//   hooks.ts          debounced change notifications for the rest of the app
//   fan-out-redis.ts  optional fan-out of updates and presence across instances (REDIS_URL)
//   live-documents.ts the in-process implementation of lib's live-documents port
//   limits.ts, close-codes.ts, metrics.ts, logger.ts, protocol.ts, registry.ts
// From lib/: document names, the control channel (membership, deletes, stored edits and app
// messages from other processes), the policy. lib/ never imports this folder.
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import * as Y from "yjs";
import { getEnv } from "@/env";
import { getDb, type Database } from "@/db/client";
import { AdmissionQueue } from "./admission";
import { recheckAll, recheckDocument, recheckMember, recheckUserSessions } from "./access-recheck";
import { CloseCode, type CloseCodeValue } from "./close-codes";
import { Connection } from "./connection";
import { createRedisControlChannel, type ControlChannel, type ControlMessage } from "@/lib/live-documents/control-channel";
import { parseDocName } from "@/lib/live-documents/doc-name";
import { MAX_APP_MESSAGE_BYTES, type AppMessage } from "@/lib/live-documents/port";
import type { FanOut } from "./fan-out-redis";
import { ChangeHooks, type DocumentChangeInfo, type DocumentChangeListener } from "./hooks";
import { DEFAULT_LIMITS, DEFAULT_TIMINGS, type CollabLimits, type CollabTimings } from "./limits";
import { createLogger, type Logger } from "./logger";
import { Metrics, type CollabStats } from "./metrics";
import { UpdateStore } from "./persistence";
import { encodeAppMessage } from "./protocol";
import { loadPresenceIdentity } from "./presence";
import { registerCollabService, unregisterCollabService } from "./registry";
import { DocumentRegistry, SERVER_ORIGIN, WorkspaceMismatchError } from "./rooms";
import { authorizeUpgrade, parseAllowedOrigins, resolveDocumentWorkspace } from "./upgrade";

export { CloseCode, isPermanentClose } from "./close-codes";
export { docNameOf, parseDocName, type DocKind, type DocRef } from "@/lib/live-documents/doc-name";
export { createInProcessLiveDocuments } from "./live-documents";
export { getCollabService } from "./registry";
export { WorkspaceMismatchError } from "./rooms";
export type { CollabLimits, CollabTimings, CollabStats, DocumentChangeInfo, DocumentChangeListener, Logger };

export type CollabServiceOptions = {
  /** Database (default: the process-wide one from db/client). */
  db?: Database;
  limits?: Partial<CollabLimits>;
  timings?: Partial<CollabTimings>;
  /** Origins allowed besides the request's own host (default: env ALLOWED_ORIGINS). */
  allowedOrigins?: string[];
  /** Redis for fan-out across instances (default: env REDIS_URL; null disables). */
  redisUrl?: string | null;
  /**
   * Where other processes announce membership changes, deletes, stored edits and app messages
   * (lib/live-documents/control-channel.ts). Default: a Redis channel when `redisUrl` is set
   * (closed with the service), else none. Entry points pass PostgreSQL's when there is no Redis.
   */
  control?: ControlChannel | null;
  logger?: Logger;
  /** Register on globalThis for getCollabService() (default true; tests running several services pass false). */
  register?: boolean;
};

export type CollabService = {
  /** Handles an HTTP upgrade whose URL starts with /collab (authorises, then speaks y-websocket). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Re-reads a membership now: removed → the user's connections close (4403); viewer → read-only; editor+ → writable. */
  refreshMember(workspaceId: string, userId: string): Promise<void>;
  /** Re-resolves a document now: deleted → its connections close (4403). */
  refreshDocument(docName: string): Promise<void>;
  /** Re-reads a user's session version now: cookie connections of ended sessions close (4401). */
  refreshUserSessions(userId: string): Promise<void>;
  /** Subscribes to stored changes, debounced per document; returns the unsubscribe function. */
  onDocumentChanged(listener: DocumentChangeListener): () => void;
  /**
   * Applies a server-side change to a document (live or loaded for the purpose) in one transaction,
   * stores it in the update log and relays it to connected clients; resolves once stored.
   * `edit` must not throw halfway (what it changed before throwing is kept and stored).
   * Throws WorkspaceMismatchError when the document is not an existing (undeleted) document of
   * `workspaceId`, and a plain Error for a malformed name.
   */
  applyServerEdit(docName: string, workspaceId: string, edit: (doc: Y.Doc) => void): Promise<void>;
  /** A copy of a document's current state (from the live document, else from the database). */
  getDocumentState(docName: string): Promise<Y.Doc>;
  /** Sends an app message (MessageType.app) to the document's clients here and on every other instance. */
  broadcast(docName: string, message: AppMessage): Promise<void>;
  stats(): CollabStats;
  /** Resolves once every accepted update is stored. */
  flush(): Promise<void>;
  /** Closes every connection (1001), stores what is pending, fires pending hooks, stops timers. */
  close(): Promise<void>;
  readonly instanceId: string;
};

/** Starts the sync service (no listening socket of its own: pass it upgrade requests). */
export async function startCollabService(options: CollabServiceOptions = {}): Promise<CollabService> {
  const db = options.db ?? (await getDb());
  const logger = options.logger ?? createLogger();
  const env = getEnv();
  const limits: CollabLimits = {
    ...DEFAULT_LIMITS,
    ...(env.COLLAB_MAX_CONNECTIONS_PER_DOCUMENT ? { maxConnectionsPerDocument: env.COLLAB_MAX_CONNECTIONS_PER_DOCUMENT } : {}),
    ...(env.COLLAB_MAX_CONCURRENT_UPGRADES ? { maxConcurrentUpgrades: env.COLLAB_MAX_CONCURRENT_UPGRADES } : {}),
    ...options.limits,
  };
  const timings: CollabTimings = { ...DEFAULT_TIMINGS, ...options.timings };
  const allowedOrigins = options.allowedOrigins ?? parseAllowedOrigins(getEnv().ALLOWED_ORIGINS);
  const redisUrl = options.redisUrl === undefined ? getEnv().REDIS_URL : options.redisUrl;

  const metrics = new Metrics();
  // PGlite (one connection in this process) gains nothing from commits in parallel.
  const commitsInFlight = isPglite(db) ? 1 : timings.commitsInFlight;
  // PGlite runs in this process: a commit there cannot hang on a network, only take long under load.
  const commitTimeoutMs = isPglite(db) ? 0 : timings.commitTimeoutMs;
  const store = new UpdateStore(db, { groupCommitMs: timings.groupCommitMs, commitsInFlight, commitTimeoutMs, logger, metrics });
  const hooks = new ChangeHooks({ debounceMs: timings.hookDebounceMs, maxWaitMs: timings.hookMaxWaitMs, logger });
  const deps = { store, hooks, metrics, logger, limits, timings, fanOut: null as FanOut | null };
  const registry = new DocumentRegistry(deps);
  const accessDeps = { db, registry, logger };

  if (redisUrl) {
    // Loaded only when configured, so a single instance never needs Redis.
    const { createRedisFanOut } = await import("./fan-out-redis");
    deps.fanOut = await createRedisFanOut(
      redisUrl,
      {
        onUpdate: (docName, update) => registry.onRemote(docName, "update", update),
        onAwareness: (docName, update) => registry.onRemote(docName, "awareness", update),
        onResubscribed: () => void registry.catchUp(),
      },
      logger,
    );
  }
  const fanOut = deps.fanOut;

  const ownsControl = options.control === undefined;
  const control = ownsControl ? (redisUrl ? await createRedisControlChannel(redisUrl, (event, fields) => logger.warn(event, fields)) : null) : options.control!;
  const onControl = (message: ControlMessage) => {
    const run =
      message.type === "refresh-member"
        ? recheckMember(accessDeps, message.workspaceId, message.userId)
        : message.type === "refresh-document"
          ? recheckDocument(accessDeps, message.docName)
          : message.type === "document-stored"
            ? registry.catchUpDocument(message.docName)
            : message.type === "refresh-user-sessions"
              ? recheckUserSessions(accessDeps, [message.userId])
              : Promise.resolve(registry.broadcastLocal(message.docName, encodeAppMessage(message.message)));
    run.catch((err) => logger.error("control_message_failed", { type: message.type, error: err }));
  };
  await control?.subscribe({
    onMessage: onControl,
    onReconnected: () => {
      logger.warn("control_resubscribed", {});
      void registry.catchUp();
      recheckAll(accessDeps).catch((err) => logger.error("recheck_failed", { error: err }));
    },
  });

  // noServer: the HTTP server is the app's (server.ts) or standalone.ts; we only take upgrades.
  // No permessage-deflate: compression bombs are not worth the bandwidth saved on small updates.
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, perMessageDeflate: false });
  const admission = new AdmissionQueue({ concurrency: limits.maxConcurrentUpgrades, maxQueued: limits.maxQueuedUpgrades, maxWaitMs: timings.admissionWaitMs });
  let closed = false;

  const refuse = (req: IncomingMessage, socket: Duplex, head: Buffer, code: CloseCodeValue, reason: string) => {
    metrics.counters.rejectedUpgrades++;
    logger.info("upgrade_refused", { code, reason, path: pathOf(req) });
    // The WebSocket handshake is completed so that the client receives a close code it understands.
    wss.handleUpgrade(req, socket, head, (ws) => ws.close(code, reason));
  };

  const upgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const decision = await authorizeUpgrade(db, req, { allowedOrigins });
    if (!decision.ok) return refuse(req, socket, head, decision.code, decision.reason);
    const { doc, userId } = decision;
    if (!registry.reserveUserSlot(userId)) return refuse(req, socket, head, CloseCode.rateLimited, "too many connections");
    let attached = false;
    try {
      if (registry.connectionCount(doc.name) >= limits.maxConnectionsPerDocument) {
        return refuse(req, socket, head, CloseCode.documentFull, "document full");
      }
      const identity = await loadPresenceIdentity(db, { userId, workspaceId: decision.workspaceId, kind: doc.kind });
      const room = await registry.acquire(doc, decision.workspaceId);
      try {
        if (room.connections.size >= limits.maxConnectionsPerDocument) {
          return refuse(req, socket, head, CloseCode.documentFull, "document full");
        }
        // Completed only now (after authorisation and loading): no message can arrive before the document is ready.
        wss.handleUpgrade(req, socket, head, (ws) => {
          attached = true;
          const conn = new Connection(ws, room, { ...decision, identity }, { limits, metrics, logger, onClosed: (c) => registry.detach(c) });
          registry.attach(room, conn);
          metrics.counters.connections++;
          logger.debug("connected", conn.logFields({ readOnly: conn.readOnly, via: decision.via }));
          if (closed || room.isClosed) conn.close(closed ? CloseCode.goingAway : CloseCode.internalError, "try again");
          else conn.start();
        });
      } finally {
        room.unpin();
      }
    } finally {
      if (!attached) registry.releaseUserSlot(userId);
    }
  };

  const service: CollabService = {
    instanceId: fanOut?.instanceId ?? "local",

    handleUpgrade(req, socket, head) {
      // A client that vanishes during authorisation must not become an uncaught error.
      socket.on("error", (err) => logger.debug("upgrade_socket_error", { error: err }));
      if (closed) {
        socket.end("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        return;
      }
      const ticket = admission.enter();
      socket.once("close", ticket.abandon);
      void ticket.admitted.then((outcome) => {
        socket.off("close", ticket.abandon);
        if ("refused" in outcome) {
          if (outcome.refused === "abandoned") return;
          metrics.counters.upgradesNotAdmitted++;
          if (socket.destroyed) return;
          if (outcome.refused === "closed") return void socket.destroy();
          // Busy, not broken: a retryable code (the stock client reconnects with backoff).
          logger.warn("upgrade_not_admitted", { reason: outcome.refused, queued: admission.queued });
          return refuse(req, socket, head, CloseCode.tryAgainLater, "server busy, try again");
        }
        if (socket.destroyed) return outcome.release();
        const timer = setTimeout(() => {
          logger.warn("upgrade_timeout", { path: pathOf(req) });
          socket.destroy();
        }, timings.upgradeTimeoutMs);
        upgrade(req, socket, head)
          .catch((err) => {
            logger.error("upgrade_failed", { path: pathOf(req), error: err });
            if (!socket.destroyed) {
              try {
                refuse(req, socket, head, CloseCode.internalError, "server error");
              } catch {
                socket.destroy();
              }
            }
          })
          .finally(() => {
            clearTimeout(timer);
            outcome.release();
          });
      });
    },

    async refreshMember(workspaceId, userId) {
      await control?.publish({ type: "refresh-member", workspaceId, userId });
      await recheckMember(accessDeps, workspaceId, userId);
    },

    async refreshUserSessions(userId) {
      await control?.publish({ type: "refresh-user-sessions", userId });
      await recheckUserSessions(accessDeps, [userId]);
    },

    async refreshDocument(docName) {
      await control?.publish({ type: "refresh-document", docName });
      await recheckDocument(accessDeps, docName);
    },

    onDocumentChanged(listener) {
      return hooks.on(listener);
    },

    async applyServerEdit(docName, workspaceId, edit) {
      const ref = parseDocName(docName);
      if (!ref) throw new Error(`collab: not a document name: ${docName}`);
      if (!registry.rooms.has(ref.name)) {
        // Not live here: make sure the document exists in that workspace before creating state for it.
        const actual = await resolveDocumentWorkspace(db, ref);
        if (actual !== workspaceId) throw new WorkspaceMismatchError(`${ref.name} is not a document of workspace ${workspaceId}`);
      }
      const room = await registry.acquire(ref, workspaceId);
      try {
        const before = room.lastServerEdit;
        room.doc.transact(() => edit(room.doc), SERVER_ORIGIN);
        // No change, no new append: then there is nothing to wait for.
        if (room.lastServerEdit !== before) await room.lastServerEdit;
      } finally {
        room.unpin();
      }
    },

    async getDocumentState(docName) {
      const ref = parseDocName(docName);
      if (!ref) throw new Error(`collab: not a document name: ${docName}`);
      const room = registry.rooms.get(ref.name);
      if (room && !room.isClosed) {
        await room.whenShowable();
        const copy = new Y.Doc();
        Y.applyUpdate(copy, room.encodeDiff());
        return copy;
      }
      return (await store.load(ref.name)).doc;
    },

    async broadcast(docName, message) {
      const ref = parseDocName(docName);
      if (!ref) throw new Error(`collab: not a document name: ${docName}`);
      if (Buffer.byteLength(JSON.stringify(message)) > MAX_APP_MESSAGE_BYTES) throw new Error("collab: app message too large");
      registry.broadcastLocal(ref.name, encodeAppMessage(message));
      await control?.publish({ type: "app-message", docName: ref.name, message });
    },

    stats() {
      return {
        documents: registry.rooms.size,
        connections: registry.connectionTotal,
        counters: { ...metrics.counters },
        upgrades: { running: admission.running, queued: admission.queued, peakQueued: admission.peakQueued },
        storeLatencyMs: metrics.storeLatency(),
      };
    },

    flush() {
      return store.flush();
    },

    async close() {
      if (closed) return;
      closed = true;
      admission.close();
      clearInterval(pingTimer);
      clearInterval(recheckTimer);
      await registry.close();
      wss.close();
      await store.close();
      await fanOut?.close();
      if (ownsControl) await control?.close();
      unregisterCollabService(service);
    },
  };

  const pingTimer = setInterval(() => {
    for (const conn of [...registry.connections()]) conn.ping();
  }, timings.pingIntervalMs);
  pingTimer.unref();

  let rechecking = false;
  const recheckTimer = setInterval(() => {
    if (rechecking) return;
    rechecking = true;
    recheckAll(accessDeps)
      .catch((err) => logger.error("recheck_failed", { error: err }))
      .finally(() => {
        rechecking = false;
      });
  }, timings.accessRecheckMs);
  recheckTimer.unref();

  if (options.register !== false) registerCollabService(service);
  logger.info("collab_started", { instance: service.instanceId, fanOut: Boolean(fanOut), control: control?.kind ?? null });
  return service;
}

/** The path without the query string: `?token=` must never reach a log. */
function pathOf(req: IncomingMessage): string {
  return (req.url ?? "").split("?")[0].slice(0, 200);
}

/** Whether the Drizzle database runs on PGlite (its client has `waitReady`; postgres.js has not). */
function isPglite(db: Database): boolean {
  const client = (db as unknown as { $client?: object }).$client;
  return Boolean(client && "waitReady" in client);
}
