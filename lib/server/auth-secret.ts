// AUTH_SECRET: from the environment, or generated once into DATA_DIR so sessions survive restarts.
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";

export function ensureAuthSecret(dataDir: string): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  let secret: string;
  if (fs.existsSync(file)) {
    secret = fs.readFileSync(file, "utf8").trim();
  } else {
    fs.mkdirSync(dataDir, { recursive: true });
    secret = randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret + "\n", { mode: 0o600 });
  }
  process.env.AUTH_SECRET = secret;
  return secret;
}
