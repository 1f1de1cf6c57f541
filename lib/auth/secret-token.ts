// Random secrets handed to users once (access tokens, invitation links); only their hash is stored.
import { createHash, randomBytes } from "node:crypto";

export function generateSecret(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString("base64url")}`;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}
