// The control channel between processes: the app tells every sync service (in its own process, on
// another instance) what changed outside its rooms. Redis pub/sub when REDIS_URL is set, otherwise
// PostgreSQL LISTEN/NOTIFY (no extra service for a two-process deployment). Document updates and
// presence do not travel here (collab/fan-out-redis.ts carries those between sync services).
//
// Lossy on purpose: every message is a hint to re-read the database, which stays the truth. After
// a reconnect subscribers get `onReconnected` and re-read what they hold live; membership changes
// are also caught by the sync service's periodic re-check.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";

export const ZControlMessage = z.discriminatedUnion("type", [
  z.object({ type: z.literal("refresh-member"), workspaceId: z.string().max(64), userId: z.string().max(64) }),
  z.object({ type: z.literal("refresh-document"), docName: z.string().max(64) }),
  /** The user's sessions ended (sign-out everywhere, password change): their sockets re-check. */
  z.object({ type: z.literal("refresh-user-sessions"), userId: z.string().max(64) }),
  /** Something stored an edit outside the live rooms: rooms holding it re-read it and relay the difference. */
  z.object({ type: z.literal("document-stored"), docName: z.string().max(64) }),
  z.object({ type: z.literal("app-message"), docName: z.string().max(64), message: z.record(z.string(), z.unknown()) }),
]);
export type ControlMessage = z.infer<typeof ZControlMessage>;

const ZEnvelope = z.object({ from: z.string(), message: ZControlMessage });

export type ControlHandlers = {
  onMessage(message: ControlMessage): void;
  /** The subscription came back after an outage: messages may have been missed. */
  onReconnected?(): void;
};

export type ControlChannel = {
  readonly kind: "redis" | "postgres";
  /** Distinguishes this process's own messages (subscribers never hear themselves). */
  readonly id: string;
  /**
   * Publishes; never throws (logs instead: the change is stored, the others catch up). With
   * PostgreSQL and a transaction as `db`, delivery happens at commit — NOTIFY is transactional.
   */
  publish(message: ControlMessage, db?: DbOrTx): Promise<void>;
  /** Starts listening (at most one handler set per channel). */
  subscribe(handlers: ControlHandlers): Promise<void>;
  close(): Promise<void>;
};

type Log = (event: string, fields: Record<string, unknown>) => void;
const defaultLog: Log = (event, fields) => console.warn(`live-documents: ${event}`, fields);

const REDIS_CHANNEL = "journeyboard:live:control";
const PG_CHANNEL = "journeyboard_live_control";

function parseEnvelope(raw: string, ownId: string, log: Log): ControlMessage | null {
  try {
    const parsed = ZEnvelope.safeParse(JSON.parse(raw));
    if (!parsed.success) {
      log("control_message_invalid", { issues: parsed.error.issues.length });
      return null;
    }
    return parsed.data.from === ownId ? null : parsed.data.message;
  } catch {
    log("control_message_invalid", {});
    return null;
  }
}

export async function createRedisControlChannel(url: string, log: Log = defaultLog): Promise<ControlChannel> {
  const { Redis } = await import("ioredis");
  const id = randomBytes(12).toString("hex");
  // A subscribed connection cannot publish: one of each. Publishing fails fast while Redis is down
  // (the database already holds the change), instead of queueing without bound.
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
  let sub: InstanceType<typeof Redis> | null = null;
  pub.on("error", (err) => log("redis_error", { client: "control-pub", error: String(err) }));
  await pub.connect().catch((err) => log("redis_unreachable", { error: String(err) }));
  return {
    kind: "redis",
    id,
    async publish(message) {
      try {
        await pub.publish(REDIS_CHANNEL, JSON.stringify({ from: id, message }));
      } catch (err) {
        log("control_publish_failed", { type: message.type, error: String(err) });
      }
    },
    async subscribe(handlers) {
      if (sub) throw new Error("control channel: already subscribed");
      const client = new Redis(url, { lazyConnect: true });
      sub = client;
      client.on("error", (err) => log("redis_error", { client: "control-sub", error: String(err) }));
      let ready = false;
      client.on("close", () => {
        ready = false;
      });
      client.on("ready", () => {
        // ioredis re-subscribes on its own after a reconnect; what was published meanwhile is lost.
        if (ready) return;
        ready = true;
        if (subscribedOnce) handlers.onReconnected?.();
      });
      let subscribedOnce = false;
      client.on("message", (channel: string, raw: string) => {
        if (channel !== REDIS_CHANNEL) return;
        const message = parseEnvelope(raw, id, log);
        if (message) handlers.onMessage(message);
      });
      // Redis down at start: the instance still starts; the subscription waits in ioredis's offline
      // queue and the first "ready" counts as a reconnect (onReconnected re-reads what may be missed).
      const connected = await client.connect().then(
        () => true,
        (err) => {
          log("redis_unreachable", { client: "control-sub", error: String(err) });
          return false;
        },
      );
      if (connected) {
        await client.subscribe(REDIS_CHANNEL);
        ready = true;
      } else {
        client.subscribe(REDIS_CHANNEL).catch((err) => log("redis_subscribe_failed", { error: String(err) }));
      }
      subscribedOnce = true;
    },
    async close() {
      await Promise.allSettled([pub.quit(), sub?.quit()]);
    },
  };
}

/** LISTEN needs a connection of its own (postgres.js keeps one and re-listens after it drops). */
export async function createPostgresControlChannel(databaseUrl: string, log: Log = defaultLog): Promise<ControlChannel> {
  const { default: postgres } = await import("postgres");
  const id = randomBytes(12).toString("hex");
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  let listening = false;
  return {
    kind: "postgres",
    id,
    async publish(message, db) {
      const payload = JSON.stringify({ from: id, message });
      try {
        if (db) await db.execute(sql`select pg_notify(${PG_CHANNEL}, ${payload})`);
        else await client`select pg_notify(${PG_CHANNEL}, ${payload})`;
      } catch (err) {
        log("control_publish_failed", { type: message.type, error: String(err) });
      }
    },
    async subscribe(handlers) {
      if (listening) throw new Error("control channel: already subscribed");
      listening = true;
      let first = true;
      await client.listen(
        PG_CHANNEL,
        (raw) => {
          const message = parseEnvelope(raw, id, log);
          if (message) handlers.onMessage(message);
        },
        () => {
          // Called on the first LISTEN and again after every reconnect.
          if (first) first = false;
          else handlers.onReconnected?.();
        },
      );
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}

/** Redis when `redisUrl` is set, else PostgreSQL when `databaseUrl` is, else none (one process, PGlite). */
export async function createControlChannel(options: { redisUrl?: string | null; databaseUrl?: string | null }, log?: Log): Promise<ControlChannel | null> {
  if (options.redisUrl) return createRedisControlChannel(options.redisUrl, log);
  if (options.databaseUrl) return createPostgresControlChannel(options.databaseUrl, log);
  return null;
}
