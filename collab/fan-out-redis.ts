// Optional fan-out across instances (REDIS_URL): every stored update, every awareness change and
// every app message (type 101, e.g. "a comment was written") is published on the document's channel; other instances that hold the document live apply and
// relay it. Pub/sub is lossy, so after a reconnect the registry re-reads live documents from the
// database (`onResubscribed`). Each message carries the publishing instance's id so an instance
// skips its own.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { z } from "zod";
import type { Logger } from "./logger";

export type ControlMessage =
  | { type: "refresh-member"; workspaceId: string; userId: string }
  | { type: "refresh-document"; docName: string };

/** What the rooms need from a fan-out transport (Redis here; another could implement it). */
export type FanOut = {
  readonly instanceId: string;
  subscribe(docName: string): Promise<void>;
  unsubscribe(docName: string): Promise<void>;
  publishUpdate(docName: string, update: Uint8Array): void;
  publishAwareness(docName: string, update: Uint8Array): void;
  /** An encoded app message (type 101) for the document's connections on other instances. */
  publishApp(docName: string, message: Uint8Array): void;
  publishControl(message: ControlMessage): void;
  close(): Promise<void>;
};

export type FanOutHandlers = {
  onUpdate(docName: string, update: Uint8Array): void;
  onAwareness(docName: string, update: Uint8Array): void;
  onApp(docName: string, message: Uint8Array): void;
  onControl(message: ControlMessage): void;
  /** The subscription was re-established after an outage: messages may have been missed. */
  onResubscribed(): void;
};

const PREFIX = "journeyboard:collab:";
const DOC_PREFIX = `${PREFIX}doc:`;
const CONTROL_CHANNEL = `${PREFIX}control`;
const ID_BYTES = 16;
const KIND_UPDATE = 0;
const KIND_AWARENESS = 1;
const KIND_APP = 2;

const ZControl = z.object({
  from: z.string(),
  message: z.discriminatedUnion("type", [
    z.object({ type: z.literal("refresh-member"), workspaceId: z.string(), userId: z.string() }),
    z.object({ type: z.literal("refresh-document"), docName: z.string() }),
  ]),
});

export async function createRedisFanOut(url: string, handlers: FanOutHandlers, logger: Logger): Promise<FanOut> {
  const id = randomBytes(ID_BYTES);
  const instanceId = id.toString("hex");
  // Subscriber connections cannot publish: one of each.
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2 });
  const sub = new Redis(url, { lazyConnect: true });
  for (const [name, client] of [["pub", pub], ["sub", sub]] as const) {
    client.on("error", (err) => logger.warn("redis_error", { client: name, error: err }));
  }
  await Promise.all([pub.connect(), sub.connect()]);
  await sub.subscribe(CONTROL_CHANNEL);

  let ready = true;
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
      if (channel === CONTROL_CHANNEL) {
        const parsed = ZControl.safeParse(JSON.parse(message.toString()));
        if (parsed.success && parsed.data.from !== instanceId) handlers.onControl(parsed.data.message);
        return;
      }
      if (!channel.startsWith(DOC_PREFIX) || message.length < 1 + ID_BYTES) return;
      if (id.equals(message.subarray(1, 1 + ID_BYTES))) return;
      const docName = channel.slice(DOC_PREFIX.length);
      const payload = new Uint8Array(message.buffer, message.byteOffset + 1 + ID_BYTES, message.length - 1 - ID_BYTES);
      if (message[0] === KIND_UPDATE) handlers.onUpdate(docName, payload);
      else if (message[0] === KIND_AWARENESS) handlers.onAwareness(docName, payload);
      else if (message[0] === KIND_APP) handlers.onApp(docName, payload);
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
      await sub.subscribe(DOC_PREFIX + docName);
    },
    async unsubscribe(docName) {
      await sub.unsubscribe(DOC_PREFIX + docName).catch(() => {});
    },
    publishUpdate: (docName, update) => publish(docName, KIND_UPDATE, update),
    publishAwareness: (docName, update) => publish(docName, KIND_AWARENESS, update),
    publishApp: (docName, message) => publish(docName, KIND_APP, message),
    publishControl(message) {
      pub.publish(CONTROL_CHANNEL, JSON.stringify({ from: instanceId, message })).catch((err) =>
        logger.warn("redis_publish_failed", { channel: CONTROL_CHANNEL, error: err }),
      );
    },
    async close() {
      await Promise.allSettled([sub.quit(), pub.quit()]);
    },
  };
}
