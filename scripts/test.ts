// `npm test`: lint (ESLint, zero warnings), unit + integration tests (vitest, PGlite and — with DATABASE_URL — PostgreSQL),
// then a production build and the browser tests (Playwright in Debian's Chromium).
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const distDir = process.env.NEXT_DIST_DIR || ".next-test";
const only = process.argv[2]; // "unit" | "e2e" | undefined (both)

function step(title: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n━━ ${title} ━━`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  console.log(`━━ ${title}: ${result.status === 0 ? "passed" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(0)} s ━━`);
  return result.status === 0;
}

/** Runs commands side by side (each single-threaded, so two cores finish both in the time of one); output is kept per command. */
async function stepsTogether(steps: { title: string; command: string; args: string[] }[]): Promise<boolean[]> {
  return Promise.all(
    steps.map(({ title, command, args }) => {
      const started = Date.now();
      const child = spawn(command, args, { cwd: root, env: process.env });
      let output = "";
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      return new Promise<boolean>((resolve) =>
        child.on("close", (code) => {
          console.log(`\n━━ ${title} ━━\n${output.trimEnd()}`);
          console.log(`━━ ${title}: ${code === 0 ? "passed" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(0)} s ━━`);
          resolve(code === 0);
        }),
      );
    }),
  );
}

const results: Record<string, boolean> = {};
if (only !== "e2e") {
  [results.typecheck, results.lint] = await stepsTogether([
    { title: "type check", command: bin("tsc"), args: ["--noEmit", "-p", "."] },
    { title: "lint", command: bin("eslint"), args: [".", "--max-warnings", "0"] },
  ]);
  results.unit = step("unit and integration tests", bin("vitest"), ["run"]);
}
if (only !== "unit") {
  results.build = step("production build", process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    NEXT_DIST_DIR: distDir,
    NODE_ENV: "production",
  });
  if (results.build) results.e2e = step("browser tests", bin("playwright"), ["test"], { NEXT_DIST_DIR: distDir });
}

const failed = Object.entries(results).filter(([, ok]) => !ok).map(([name]) => name);
console.log(failed.length ? `\nFAILED: ${failed.join(", ")}` : "\nAll tests passed.");
process.exit(failed.length ? 1 : 0);
