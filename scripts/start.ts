// `npm start`: build when there is no build yet (or the sources are newer), then serve.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const distDir = path.join(root, process.env.NEXT_DIST_DIR || ".next");
const buildId = path.join(distDir, "BUILD_ID");
const SOURCE_DIRS = ["app", "components", "lib", "db", "messages", "collab"];

function newestSourceMtime(): number {
  let newest = 0;
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  SOURCE_DIRS.forEach((d) => walk(path.join(root, d)));
  for (const f of ["package.json", "next.config.js", "proxy.ts", "env.ts"]) {
    const full = path.join(root, f);
    if (fs.existsSync(full)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

const needsBuild = !fs.existsSync(buildId) || fs.statSync(buildId).mtimeMs < newestSourceMtime();
if (needsBuild) {
  console.log("Building Journeyboard (first start or changed sources)…");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

(process.env as Record<string, string>).NODE_ENV = "production";
await import("../server");
