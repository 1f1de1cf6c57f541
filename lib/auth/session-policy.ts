// How long a session lives without requests (AUTH_IDLE_TIMEOUT_HOURS, default 12 h).
import { getEnv, type Env } from "@/env";

/** The idle timeout in seconds. */
export function idleTimeoutSeconds(env: Env = getEnv()): number {
  return Math.round(env.AUTH_IDLE_TIMEOUT_HOURS * 3600);
}
