// "An update the server has relayed to other clients is already stored": a server process is
// killed with SIGKILL right after another client observed an edit; after a restart the edit is there.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { connectClient, createThrowawayPostgres, waitFor, waitForSync, type TestClient } from "@/test/collab-server";
import { testDrivers } from "@/test/database";

// Creating a database runs every migration: slow on a busy machine, so hooks get more than the default.
const SETUP_TIMEOUT = 180_000;

type Child = { proc: ChildProcess; port: number; docName?: string; token?: string };

function startChild(env: Record<string, string>): Promise<Child> {
  const proc = spawn(process.execPath, ["--import", "tsx", "test/collab-child-server.ts"], {
    cwd: path.resolve(import.meta.dirname, ".."),
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  proc.stderr!.on("data", (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child server did not start: ${stderr}`)), 150_000);
    readline.createInterface({ input: proc.stdout! }).on("line", (line) => {
      if (!line.startsWith("READY ")) return;
      clearTimeout(timer);
      resolve({ proc, ...JSON.parse(line.slice(6)) });
    });
    proc.once("exit", (code) => reject(new Error(`child server exited (${code}): ${stderr}`)));
  });
}

function killed(child: Child): Promise<void> {
  return new Promise((resolve) => {
    if (child.proc.exitCode !== null || child.proc.signalCode !== null) return resolve();
    child.proc.once("exit", () => resolve());
    child.proc.kill("SIGKILL");
  });
}

describe.each(testDrivers)("collab crash safety (%s)", { timeout: 120_000 }, (driver) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  }, SETUP_TIMEOUT);

  it("keeps every edit another client has seen across kill -9 of the server", async () => {
    let env: Record<string, string>;
    if (driver === "pglite") {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jb-collab-crash-"));
      cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
      env = { CHILD_DATA_DIR: dir };
    } else {
      const pg = await createThrowawayPostgres(process.env.DATABASE_URL!);
      cleanups.push(() => pg.drop());
      env = { CHILD_DATABASE_URL: pg.url };
    }
    const first = await startChild({ ...env, CHILD_SEED: "1" });
    cleanups.push(() => killed(first));
    const { docName, token } = first as Required<Child>;
    const url = `ws://127.0.0.1:${first.port}/collab`;
    const clients: TestClient[] = [];
    cleanups.push(() => clients.forEach((c) => c.destroy()));
    const writer = connectClient(url, docName, { bearer: token });
    const watcher = connectClient(url, docName, { bearer: token });
    clients.push(writer, watcher);
    await waitForSync(writer);
    await waitForSync(watcher);

    const items = writer.doc.getArray<string>("items");
    for (let i = 0; i < 50; i++) items.push([`edit ${i}`]);
    writer.doc.getText("title").insert(0, "survives kill -9");
    // The moment the other client has seen the last edit, the process dies without any chance to flush.
    await waitFor(() => watcher.doc.getText("title").toString() === "survives kill -9", "watcher sees the edit", 30_000);
    await killed(first);
    writer.provider.disconnect();
    watcher.provider.disconnect();

    const second = await startChild(env);
    cleanups.push(() => killed(second));
    const reader = connectClient(`ws://127.0.0.1:${second.port}/collab`, docName, { bearer: token });
    clients.push(reader);
    await waitForSync(reader);
    expect(reader.doc.getText("title").toString()).toBe("survives kill -9");
    expect(reader.doc.getArray("items").toArray()).toEqual(Array.from({ length: 50 }, (_, i) => `edit ${i}`));
    second.proc.kill("SIGTERM");
  }, 400_000);
});
