// External services for integration tests (Redis, PostgreSQL): found, or — under CI=true — a
// failure, never a silent skip (.ci/run provides both). Outside CI a missing service skips the
// tests that need it, so a laptop without Redis can still run the rest.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

export const inCI = process.env.CI === "true";

export async function portAnswers(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(timeoutMs);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** REDIS_URL (default redis://127.0.0.1:6379) when a server answers there; null outside CI; throws in CI. */
export async function redisForTests(): Promise<string | null> {
  const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const { hostname, port } = new URL(url);
  if (await portAnswers(hostname, Number(port || 6379))) return url;
  if (inCI) throw new Error(`CI=true but no Redis answers at ${url}: these tests need one (.ci/run starts it)`);
  return null;
}

/** DATABASE_URL when set; null outside CI; throws in CI. */
export function postgresForTests(): string | null {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  if (inCI) throw new Error("CI=true but DATABASE_URL is not set: these tests need PostgreSQL (.ci/run creates a database)");
  return null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type PrivateRedis = { url: string; port: number; start(): Promise<void>; stop(): Promise<void> };

/**
 * A redis-server of the test's own on a free port (no persistence), to stop and start at will.
 * Null when the binary is missing outside CI; throws in CI.
 */
export async function privateRedis(): Promise<PrivateRedis | null> {
  const bin = process.env.REDIS_SERVER_BIN ?? "redis-server";
  const exists = await new Promise<boolean>((resolve) => {
    const p = spawn(bin, ["--version"], { stdio: "ignore" });
    p.once("error", () => resolve(false));
    p.once("exit", (code) => resolve(code === 0));
  });
  if (!exists) {
    if (inCI) throw new Error("CI=true but redis-server is not installed (.ci/run installs it)");
    return null;
  }
  const port = await freePort();
  let proc: ChildProcess | null = null;
  const redis: PrivateRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    async start() {
      proc = spawn(bin, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
      const deadline = Date.now() + 10_000;
      while (!(await portAnswers("127.0.0.1", port, 200))) {
        if (Date.now() > deadline) throw new Error("private redis-server did not start");
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      const p = proc;
      proc = null;
      if (!p || p.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        p.once("exit", () => resolve());
        p.kill("SIGKILL");
      });
    },
  };
  await redis.start();
  return redis;
}
