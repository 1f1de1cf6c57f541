// Optional fan-out across instances (REDIS_URL): every stored update and every awareness change
// is published on the document's channel; other instances that hold the document live apply and
// relay it. Pub/sub is lossy, so after a reconnect the registry re-reads live documents from the
// database (`onResubscribed`). Each message carries the publishing instance's id so an instance
// skips its own. Membership, deletion and app messages travel on the control channel
// (lib/live-documents/control-channel.ts), which the app process can publish to as well.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import type { Logger } from "./logger";

/** What the rooms need from a fan-out transport (Redis here; another could implement it). */
export type FanOut = {
  readonly instanceId: string;
  subscribe(docName: string): Promise<void>;
  unsubscribe(docName: string): Promise<void>;
  publishUpdate(docName: string, update: Uint8Array): void;
  publishAwareness(docName: string, update: Uint8Array): void;
  close(): Promise<void>;
};

export type FanOutHandlers = {
  onUpdate(docName: string, update: Uint8Array): void;
  onAwareness(docName: string, update: Uint8Array): void;
  /** The subscription was re-established after an outage: messages may have been missed. */
  onResubscribed(): void;
};

const PREFIX = "journeyboard:collab:";
const DOC_PREFIX = `${PREFIX}doc:`;
const ID_BYTES = 16;
const KIND_UPDATE = 0;
const KIND_AWARENESS = 1;

export async function createRedisFanOut(url: string, handlers: FanOutHandlers, logger: Logger): Promise<FanOut> {
  const id = randomBytes(ID_BYTES);
  const instanceId = id.toString("hex");
  // Subscriber connections cannot publish: one of each.
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  const sub = new Redis(url, { lazyConnect: true });
  for (const [name, client] of [["pub", pub], ["sub", sub]] as const) {
    client.on("error", (err) => logger.warn("redis_error", { client: name, error: err }));
  }
  // Redis down at start does not stop the instance: it serves its own clients, ioredis keeps
  // retrying, subscriptions wait in its offline queue, and the first "ready" runs the catch-up
  // (every live document is re-read from the database) as after any outage.
  await Promise.all([
    pub.connect().catch((err) => logger.warn("redis_unreachable", { client: "pub", error: err })),
    sub.connect().catch((err) => logger.warn("redis_unreachable", { client: "sub", error: err })),
  ]);

  let ready = sub.status === "ready";
  sub.on("close", () => {
    ready = false;
  });
  sub.on("ready", () => {
    // ioredis re-subscribes on its own after a reconnect; what was published meanwhile is lost.
    if (!ready) {
      ready = true;
      logger.warn("redis_resubscribed", {});
      handlers.onResubscribed();
    }
  });

  sub.on("messageBuffer", (channelBuf: Buffer, message: Buffer) => {
    const channel = channelBuf.toString();
    try {
      if (!channel.startsWith(DOC_PREFIX) || message.length < 1 + ID_BYTES) return;
      if (id.equals(message.subarray(1, 1 + ID_BYTES))) return;
      const docName = channel.slice(DOC_PREFIX.length);
      const payload = new Uint8Array(message.buffer, message.byteOffset + 1 + ID_BYTES, message.length - 1 - ID_BYTES);
      if (message[0] === KIND_UPDATE) handlers.onUpdate(docName, payload);
      else if (message[0] === KIND_AWARENESS) handlers.onAwareness(docName, payload);
    } catch (err) {
      logger.error("fan_out_message_failed", { channel, error: err });
    }
  });

  const publish = (docName: string, kind: number, payload: Uint8Array) => {
    const message = Buffer.allocUnsafe(1 + ID_BYTES + payload.byteLength);
    message[0] = kind;
    id.copy(message, 1);
    message.set(payload, 1 + ID_BYTES);
    pub.publish(DOC_PREFIX + docName, message).catch((err) => logger.warn("redis_publish_failed", { docName, error: err }));
  };

  return {
    instanceId,
    async subscribe(docName) {
      const subscribed = sub.subscribe(DOC_PREFIX + docName);
      // During a Redis outage a document must still load (instances keep serving their own
      // clients): the command waits in ioredis's queue, and the catch-up after the reconnect
      // (onResubscribed) re-reads whatever was missed meanwhile.
      if (sub.status === "ready") await subscribed;
      else subscribed.catch((err) => logger.warn("redis_subscribe_failed", { docName, error: err }));
    },
    async unsubscribe(docName) {
      await sub.unsubscribe(DOC_PREFIX + docName).catch(() => {});
    },
    publishUpdate: (docName, update) => publish(docName, KIND_UPDATE, update),
    publishAwareness: (docName, update) => publish(docName, KIND_AWARENESS, update),
    async close() {
      await Promise.allSettled([sub.quit(), pub.quit()]);
    },
  };
}
