// Test helpers for the /collab sync service: a real HTTP server on port 0 with the service's
// upgrade handler, stock y-websocket providers (BroadcastChannel disabled: in Node it would sync
// providers without any server), hand-made raw clients, credentials, and polling waits.
import http from "node:http";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import * as encoding from "lib0/encoding";
import { encode } from "next-auth/jwt";
import postgres from "postgres";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { Database } from "@/db/client";
import { journeyMaps, personalAccessTokens, personas, stakeholderMaps } from "@/db/schema";
import { generateSecret, hashSecret } from "@/lib/auth/secret-token";
import { createInProcessLiveDocuments, startCollabService, type CollabService, type CollabServiceOptions } from "@/collab";
import { setLiveDocuments } from "@/lib/live-documents/port";
import { createLogger, type LogEntry } from "@/collab/logger";

export const TEST_AUTH_SECRET = "collab-test-secret-0123456789abcdef";
process.env.AUTH_SECRET ??= TEST_AUTH_SECRET;
// Every WebsocketProvider adds a process "exit" listener; tests hold more than Node's default 10.
process.setMaxListeners(Math.max(process.getMaxListeners(), 200));

export type TestCollab = {
  service: CollabService;
  port: number;
  /** ws://127.0.0.1:{port}/collab — the provider's serverUrl. */
  url: string;
  /** Everything the service logged (level debug and up). */
  logs: LogEntry[];
  /** Stops the HTTP server and the service (not the database). */
  close(): Promise<void>;
};

/**
 * Starts the service on a fresh HTTP server at port 0. With `register: true` it also becomes this
 * process's live-documents port (as server.ts wires it), so lib/ code under test reaches its rooms.
 */
export async function startTestCollab(db: Database, options: Omit<CollabServiceOptions, "db"> = {}): Promise<TestCollab> {
  const logs: LogEntry[] = [];
  const service = await startCollabService({
    db,
    redisUrl: null,
    allowedOrigins: [],
    register: false,
    logger: createLogger({ level: "debug", sink: (e) => logs.push(e) }),
    ...options,
  });
  const live = options.register ? createInProcessLiveDocuments(service) : null;
  if (live) setLiveDocuments(live);
  const server = http.createServer((_req, res) => res.writeHead(404).end());
  server.on("upgrade", (req, socket, head) => {
    if (req.url?.startsWith("/collab")) service.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    service,
    port,
    url: `ws://127.0.0.1:${port}/collab`,
    logs,
    async close() {
      server.closeAllConnections?.();
      if (live) setLiveDocuments(null);
      await service.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A session cookie header for `userId`, as Auth.js would set it. */
export async function sessionCookie(userId: string): Promise<string> {
  const value = await encode({ token: { sub: userId }, secret: process.env.AUTH_SECRET!, salt: "authjs.session-token" });
  return `authjs.session-token=${value}`;
}

/** A personal access token for `userId` (the secret and its row id). */
export async function createAccessToken(db: Database, userId: string): Promise<{ token: string; id: string }> {
  const token = generateSecret("jb");
  const [row] = await db
    .insert(personalAccessTokens)
    .values({ userId, name: "test", tokenHash: hashSecret(token), prefix: token.slice(0, 8) })
    .returning({ id: personalAccessTokens.id });
  return { token, id: row.id };
}

export async function createMapRow(db: Database, workspaceId: string): Promise<{ id: string; docName: string }> {
  const [row] = await db.insert(journeyMaps).values({ workspaceId, title: "Test map" }).returning({ id: journeyMaps.id });
  return { id: row.id, docName: `map:${row.id}` };
}

export async function createPersonaRow(db: Database, workspaceId: string): Promise<{ id: string; docName: string }> {
  const [row] = await db.insert(personas).values({ workspaceId, name: "Test persona" }).returning({ id: personas.id });
  return { id: row.id, docName: `persona:${row.id}` };
}

export async function createStakeholderMapRow(db: Database, workspaceId: string): Promise<{ id: string; docName: string }> {
  const [row] = await db.insert(stakeholderMaps).values({ workspaceId, title: "Test stakeholders" }).returning({ id: stakeholderMaps.id });
  return { id: row.id, docName: `stakeholders:${row.id}` };
}

export type Credentials = { cookie?: string; bearer?: string; queryToken?: string; origin?: string };

/** A `ws` WebSocket class that sends our headers (the provider only passes url and protocols). */
function socketClassWith(creds: Credentials): typeof WebSocket {
  const headers: Record<string, string> = {};
  if (creds.cookie) headers.cookie = creds.cookie;
  if (creds.bearer) headers.authorization = `Bearer ${creds.bearer}`;
  if (creds.origin) headers.origin = creds.origin;
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  } as typeof WebSocket;
}

export type TestClient = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close events the provider saw (code and reason). */
  closes: { code: number; reason: string }[];
  destroy(): void;
};

/** A stock WebsocketProvider (BroadcastChannel disabled) for `docName`. */
export function connectClient(url: string, docName: string, creds: Credentials, options: { doc?: Y.Doc; connect?: boolean } = {}): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(url, docName, doc, {
    WebSocketPolyfill: socketClassWith(creds) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: options.connect ?? true,
    params: creds.queryToken ? { token: creds.queryToken } : {},
    maxBackoffTime: 300,
  });
  const closes: { code: number; reason: string }[] = [];
  provider.on("connection-close", (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    doc,
    provider,
    closes,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

export type RawClient = {
  ws: WebSocket;
  /** Binary messages received, in order. */
  messages: Uint8Array[];
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  isClosed(): boolean;
  send(bytes: Uint8Array | Buffer | string): void;
};

/** A hand-made client: speaks whatever bytes the test sends. */
export function connectRaw(url: string, docName: string, creds: Credentials): RawClient {
  const ws = new (socketClassWith(creds))(`${url}/${docName}${creds.queryToken ? `?token=${encodeURIComponent(creds.queryToken)}` : ""}`);
  const messages: Uint8Array[] = [];
  let isClosed = false;
  ws.binaryType = "nodebuffer";
  ws.on("message", (data) => messages.push(new Uint8Array(data as Buffer)));
  ws.on("error", () => {});
  const opened = new Promise<void>((resolve) => ws.once("open", () => resolve()));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once("close", (code, reason) => {
      isClosed = true;
      resolve({ code, reason: reason.toString() });
    }),
  );
  return {
    ws, messages, opened, closed,
    isClosed: () => isClosed,
    send(bytes) {
      ws.send(bytes);
    },
  };
}

/** Opens a raw connection and returns the close code it gets (or null if it stays open for `ms`). */
export async function closeCodeOf(url: string, docName: string, creds: Credentials, timeoutMs = 10_000): Promise<number> {
  const raw = connectRaw(url, docName, creds);
  const result = await Promise.race([
    raw.closed,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs)),
  ]);
  if (!result) {
    raw.ws.terminate();
    throw new Error(`connection to ${docName} stayed open`);
  }
  return result.code;
}

/** Sync protocol messages for raw clients. */
export const rawMessage = {
  syncStep1(doc: Y.Doc): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
    return encoding.toUint8Array(e);
  },
  update(update: Uint8Array, syncType = 2): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, syncType);
    encoding.writeVarUint8Array(e, update);
    return encoding.toUint8Array(e);
  },
  awareness(update: Uint8Array): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, update);
    return encoding.toUint8Array(e);
  },
};

/** Polls `condition` until it holds; fails with `message` after `timeoutMs` (generous: no timing assertions). */
export async function waitFor(condition: () => boolean | Promise<boolean>, message = "condition", timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const waitForSync = (client: TestClient) => waitFor(() => client.provider.synced, "provider synced");

/** A throwaway PostgreSQL database with its URL (for child processes); dropped by `drop()`. */
export async function createThrowawayPostgres(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `jb_collab_${randomBytes(6).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
